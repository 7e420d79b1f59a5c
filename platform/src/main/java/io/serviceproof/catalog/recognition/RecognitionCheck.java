package io.serviceproof.catalog.recognition;

/** One condition of recognition, whether it holds, and why (in words a reviewer can check). */
public record RecognitionCheck(String condition, boolean holds, String explanation) {}
