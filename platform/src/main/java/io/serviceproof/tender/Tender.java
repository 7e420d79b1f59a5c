package io.serviceproof.tender;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A buyer's requirement list being answered.
 *
 * @param language the language most of its clauses are in (the answer words and annex follow it)
 * @param sourceSha256 the imported file, kept as a blob: the export writes into it
 * @param matched clauses the matching run has done (of {@code clauseCount})
 */
public record Tender(
        String id,
        String title,
        String buyer,
        String offeringId,
        String language,
        String sourceName,
        TenderFormat sourceFormat,
        String sourceSha256,
        List<SheetLayout> layout,
        int clauseCount,
        Status status,
        int matched,
        String failure,
        String createdBy,
        Instant createdAt) {

    /** Where the matching of its clauses stands. */
    public enum Status {
        QUEUED,
        RUNNING,
        DONE,
        FAILED;

        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean finished() {
            return this == DONE || this == FAILED;
        }
    }

    public int percent() {
        return clauseCount == 0 ? 100 : Math.min(100, 100 * matched / clauseCount);
    }
}
