package io.serviceproof.evidence;

import java.time.LocalDate;

/**
 * What the uploader says about a file.
 *
 * @param type E1–E9 or the organisation's own label
 * @param declaredSha256 the digest the client computed, checked against the bytes (optional)
 * @param submitForReview put the version straight into review instead of leaving it a draft
 */
public record EvidenceFields(
        String title,
        String type,
        String description,
        String ownerId,
        LocalDate effectiveDate,
        LocalDate validUntil,
        String declaredSha256,
        boolean submitForReview) {}
