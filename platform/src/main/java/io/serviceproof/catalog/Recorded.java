package io.serviceproof.catalog;

/** A stored recognition-layer record with its row id and provenance. */
public record Recorded<T>(String id, T record, Provenance provenance) {}
