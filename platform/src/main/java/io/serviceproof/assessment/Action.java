package io.serviceproof.assessment;

import java.time.Instant;
import java.time.LocalDate;

/** One step of an assessment's action plan: the gap, what closes it, who, by when, and its status. */
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
        Instant updatedAt) {

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
