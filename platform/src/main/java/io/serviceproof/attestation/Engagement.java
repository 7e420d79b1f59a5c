package io.serviceproof.attestation;

import io.serviceproof.identity.OrganisationId;
import java.time.Instant;

/**
 * An exporter's invitation to a conformity-assessment body to assess one of its credentials (an
 * offering against a market profile, optionally certifying one framework edition). The body reads
 * the frozen snapshot until {@code accessUntil}, or until the exporter ends the engagement.
 *
 * @param snapshotSha256 digest of the snapshot's canonical JSON (RFC 8785): what the body reviewed
 * @param witnessName the body's witness key name in the exporter's witness policy, when it witnesses
 */
public record Engagement(
        String id,
        OrganisationId exporterId,
        OrganisationId bodyId,
        String credentialId,
        String assessmentId,
        String market,
        String framework,
        BodyKind kind,
        String witnessName,
        Instant accessUntil,
        String snapshotSha256,
        String invitedBy,
        Instant invitedAt,
        String endedBy,
        Instant endedAt,
        String attestationId,
        Instant attestedAt) {

    public enum Status {
        OPEN,
        ENDED,
        EXPIRED;

        public String token() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Status status(Instant now) {
        if (endedAt != null) {
            return Status.ENDED;
        }
        return now.isBefore(accessUntil) ? Status.OPEN : Status.EXPIRED;
    }

    public boolean attested() {
        return attestationId != null;
    }
}
