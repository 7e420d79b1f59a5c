package io.serviceproof.dossier;

import java.time.Instant;

/**
 * An issued credential as the organisation keeps it.
 *
 * @param document the secured credential, canonical JSON (RFC 8785), exactly as issued
 * @param sha256 of the document's bytes, as logged at issuance
 */
public record Credential(
        String id,
        String assessmentId,
        String offeringId,
        String market,
        int statusIndex,
        String document,
        String sha256,
        Instant issuedAt,
        String issuedBy,
        long ledgerIndex,
        Instant revokedAt,
        String revokedBy,
        String revocationReason) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The end of its validity as the credential states it (issued for a year). */
    public Instant validUntil() {
        return issuedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plus(ConformityCredentials.VALID_DAYS, java.time.temporal.ChronoUnit.DAYS);
    }
}
