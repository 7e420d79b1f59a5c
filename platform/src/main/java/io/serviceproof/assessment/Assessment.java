package io.serviceproof.assessment;

import java.time.Instant;

/**
 * One offering against one market profile. Open until signed off; then frozen.
 *
 * @param sha256 of the signed-off snapshot (canonical JSON), logged at {@code ledgerIndex}
 */
public record Assessment(
        String id,
        String offeringId,
        String market,
        String title,
        Instant createdAt,
        String createdBy,
        Instant signedAt,
        String signedBy,
        String sha256,
        Double score,
        Long ledgerIndex) {

    public boolean signedOff() {
        return signedAt != null;
    }
}
