package io.serviceproof.watch;

import java.time.Instant;

/** A feed item waiting for a compliance manager's decision, or decided. */
public record Proposal(
        String id,
        String feedId,
        String feedName,
        String entryId,
        String title,
        String link,
        Instant publishedAt,
        String summary,
        Status status,
        String decidedBy,
        Instant decidedAt,
        String dismissal,
        String itemId,
        Instant createdAt) {

    public enum Status {
        PROPOSED,
        ACCEPTED,
        DISMISSED;

        public String token() {
            return name().toLowerCase();
        }
    }
}
