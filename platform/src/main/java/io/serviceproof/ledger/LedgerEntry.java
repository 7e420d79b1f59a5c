package io.serviceproof.ledger;

import io.serviceproof.verifier.tlog.Rfc9162;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** An entry as the log holds it: its index and canonical bytes, plus columns for search. */
public record LedgerEntry(
        long index,
        String eventId,
        String type,
        String serviceLayerId,
        Instant occurredAt,
        Instant appendedAt,
        byte[] canonical) {

    /** RFC 9162's leaf hash, SHA-256(0x00 || entry): derived, so never stored beside the entry. */
    public byte[] leafHash() {
        return Rfc9162.leafHash(canonical);
    }

    public String canonicalJson() {
        return new String(canonical, StandardCharsets.UTF_8);
    }
}
