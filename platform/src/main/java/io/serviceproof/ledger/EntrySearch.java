package io.serviceproof.ledger;

/**
 * A page of a log's entries, newest first: entries with an index below {@code beforeIndex}, narrowed
 * by the optional event id, type and service layer.
 */
public record EntrySearch(String eventId, String type, String serviceLayerId, long beforeIndex, int limit) {

    public static final int MAX_LIMIT = 500;

    public EntrySearch {
        eventId = blankToNull(eventId);
        type = blankToNull(type);
        serviceLayerId = blankToNull(serviceLayerId);
        if (beforeIndex < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + " and beforeIndex >= 0");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
