package io.serviceproof.services.content;

/** One thing wrong with a layer's content, and where (a JSON pointer into the document). */
public record ContentProblem(String location, String message) {}
