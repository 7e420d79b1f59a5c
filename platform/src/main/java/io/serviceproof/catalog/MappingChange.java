package io.serviceproof.catalog;

import java.time.Instant;

/** One line of a mapping's history: who created, confirmed, rejected or edited it, and its state after. */
public record MappingChange(Instant at, String actor, String action, String snapshot) {}
