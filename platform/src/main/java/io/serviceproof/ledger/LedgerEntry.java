package io.serviceproof.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** An entry as the log holds it: its index, canonical bytes and leaf hash, plus columns for search. */
public record LedgerEntry(
        long index,
        String eventId,
        String type,
        String serviceLayerId,
        Instant occurredAt,
        Instant appendedAt,
        byte[] canonical,
        byte[] leafHash) {

    public String canonicalJson() {
        return new String(canonical, StandardCharsets.UTF_8);
    }
}
