package io.serviceproof.services;

import java.time.Instant;

/**
 * A published version of a layer: never changed again.
 *
 * @param canonicalJson the content as RFC 8785 canonical JSON: exactly the bytes that were hashed
 * @param sha256 of {@code canonicalJson}'s UTF-8 bytes
 * @param ledgerIndex the log entry that recorded the publication
 */
public record LayerVersion(
        String id,
        String layerId,
        int version,
        String canonicalJson,
        String sha256,
        Instant publishedAt,
        String publishedBy,
        long ledgerIndex) {}
