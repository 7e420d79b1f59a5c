package io.serviceproof.tender;

/** A clause of an earlier tender found by the library search, with its tender. */
public record PastClause(String tenderId, String tenderTitle, String buyer, TenderClause clause) {}
