package io.serviceproof.ledger;

import java.time.Instant;

/** What a measurement reads of a log entry: its index, type, time and canonical bytes. */
public record LoggedEvent(long index, String type, Instant occurredAt, byte[] canonical) {}
