package io.serviceproof.assessment;

/**
 * Why a result is what it is: which evidence, mapping, recognised certificate, layer document or
 * override produced it. {@code link} is the page that shows the source.
 */
public record Reason(String kind, String text, String link) {}
