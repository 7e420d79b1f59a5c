package io.serviceproof.assessment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of an assessment's action plan: the gap, what closes it, who, by when, and its status.
 *
 * @param requirementId the library requirement whose gap it closes, or null for a gap that is no
 *     requirement (a tender clause nothing answers), named by {@code source}
 * @param source where a gap without a requirement comes from, for people to read (null otherwise)
 */
public record Action(
        String id,
        String assessmentId,
        String requirementId,
        String title,
        String ownerId,
        LocalDate dueDate,
        Status status,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String source) {

    public enum Status {
        OPEN,
        IN_PROGRESS,
        DONE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String token() {
            return name().toLowerCase().replace('_', '-');
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Status fromToken(String token) {
            for (Status s : values()) {
                if (s.token().equals(token) || s.name().equalsIgnoreCase(token)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown status '" + token + "' (open, in-progress, done)");
        }
    }

    public boolean overdueOn(LocalDate day) {
        return status != Status.DONE && dueDate.isBefore(day);
    }
}
