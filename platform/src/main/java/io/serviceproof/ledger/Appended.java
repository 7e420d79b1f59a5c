package io.serviceproof.ledger;

/**
 * The outcome of appending one event.
 *
 * @param index the event's position in the log
 * @param alreadyPresent true when the same event (same id, same content) was appended before
 */
public record Appended(String eventId, long index, byte[] leafHash, boolean alreadyPresent) {}
