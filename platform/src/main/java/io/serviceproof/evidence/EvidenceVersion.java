package io.serviceproof.evidence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One uploaded file of an evidence item. Everything but the review fields is fixed at upload.
 *
 * @param effectiveDate when the evidence took effect (a report's date), distinct from upload time
 * @param validUntil the last day it counts (null: no expiry)
 * @param ledgerIndex the log entry that registered it
 * @param approvalLedgerIndex the log entry that recorded its latest approval (null if none was logged)
 */
public record EvidenceVersion(
        String id,
        String itemId,
        int version,
        String sha256,
        long size,
        String filename,
        String mediaType,
        LocalDate effectiveDate,
        LocalDate validUntil,
        EvidenceStatus status,
        Instant uploadedAt,
        String uploadedById,
        String uploadedBy,
        String reviewerId,
        String reviewer,
        String reviewComment,
        Instant reviewedAt,
        Long ledgerIndex,
        Long approvalLedgerIndex) {

    /** Approved, and valid on the given day. */
    public boolean countsOn(LocalDate day) {
        return status == EvidenceStatus.APPROVED
                && !day.isBefore(effectiveDate)
                && (validUntil == null || !day.isAfter(validUntil));
    }

    /**
     * Whose approval a link of this version's item rests on: the reviewer's, for links that existed
     * when the version was approved; the link's author's, for a link added after (only reviewers may
     * add one without reopening the review, see {@code Vault#link}). Empty unless approved.
     */
    public java.util.Optional<String> approverOf(EvidenceLink link) {
        if (status != EvidenceStatus.APPROVED || reviewedAt == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(link.createdAt().isAfter(reviewedAt) ? link.createdBy() : reviewer);
    }

    public boolean selfApproved() {
        return reviewerId != null && reviewerId.equals(uploadedById);
    }
}
