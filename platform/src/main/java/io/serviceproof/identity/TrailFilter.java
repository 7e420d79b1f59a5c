package io.serviceproof.identity;

import java.time.Instant;

/**
 * What an owner or auditor narrows the trail to; every field is optional.
 *
 * @param actor part of the actor's name (e-mail or token name), case-insensitive
 * @param action an exact action, e.g. {@code user.created}
 * @param from inclusive lower bound
 * @param to exclusive upper bound
 */
public record TrailFilter(String actor, String action, Instant from, Instant to, int page, int size) {

    public static final int MAX_PAGE_SIZE = 200;

    public TrailFilter {
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        actor = blankToNull(actor);
        action = blankToNull(action);
    }

    public static TrailFilter firstPage() {
        return new TrailFilter(null, null, null, null, 0, 50);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
