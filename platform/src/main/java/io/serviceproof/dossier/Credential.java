package io.serviceproof.dossier;

import java.time.Instant;

/**
 * An issued credential as the organisation keeps it.
 *
 * @param document the secured credential, canonical JSON (RFC 8785), exactly as issued
 * @param sha256 of the document's bytes, as logged at issuance
 * @param engagementId for a body's attestation, the engagement it concludes (the assessment and
 *     offering are then the exporter's)
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
        String revocationReason,
        String engagementId,
        Instant suspendedAt,
        String suspensionReason) {

    /** A self-declared credential (the organisation attests its own assessment). */
    public Credential(
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
        this(
                id,
                assessmentId,
                offeringId,
                market,
                statusIndex,
                document,
                sha256,
                issuedAt,
                issuedBy,
                ledgerIndex,
                revokedAt,
                revokedBy,
                revocationReason,
                null,
                null,
                null);
    }

    /** Suspended by its issuing body, for now: reinstating it clears the suspension. */
    public boolean suspended() {
        return suspendedAt != null;
    }

    /** Issued by a conformity-assessment body at the end of an engagement (the exporter's assessment is elsewhere). */
    public boolean thirdParty() {
        return engagementId != null;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The end of its validity as the credential states it (issued for a year). */
    public Instant validUntil() {
        return issuedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plus(ConformityCredentials.VALID_DAYS, java.time.temporal.ChronoUnit.DAYS);
    }
}
