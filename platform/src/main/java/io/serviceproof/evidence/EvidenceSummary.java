package io.serviceproof.evidence;

/** An item with its latest version: one row of a list. */
public record EvidenceSummary(EvidenceItem item, EvidenceVersion latest) {}
