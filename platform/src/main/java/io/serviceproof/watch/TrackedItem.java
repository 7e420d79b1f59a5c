package io.serviceproof.watch;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Something the organisation keeps an eye on.
 *
 * @param frameworkRef the catalog framework it makes stale, {@code key@edition}, when there is one
 * @param replacedByRef the edition that replaces it, {@code key@edition}, when known
 * @param transitionDeadline the date by which certificates must move to the new edition
 * @param provenanceTag how sure we are of it (P, S, C, W, M, NF), as for catalog rows
 * @param origin {@code library} (shipped), {@code feed} (an accepted proposal) or {@code manual}
 */
public record TrackedItem(
        String id,
        String key,
        ItemKind kind,
        String title,
        String frameworkRef,
        String replacedByRef,
        String market,
        Lifecycle lifecycle,
        LocalDate publishedOn,
        LocalDate inForceOn,
        LocalDate transitionDeadline,
        String source,
        String provenanceTag,
        String origin,
        String acceptedBy,
        Instant acceptedAt,
        Instant createdAt) {

    /** The next date that asks something of the organisation, if any is still ahead of {@code today}. */
    public LocalDate nextDeadline(LocalDate today) {
        for (LocalDate date : new LocalDate[] {inForceOn, transitionDeadline}) {
            if (date != null && !date.isBefore(today)) {
                return date;
            }
        }
        return null;
    }
}
