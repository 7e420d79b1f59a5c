package io.serviceproof.evidence.people;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A training completed or a certification held. {@code scope} says what it qualifies for (e.g.
 * "remote access to customer OT"); {@code evidenceId} points at the vault item that proves it.
 */
public record Qualification(
        String id,
        String technicianId,
        Kind kind,
        String name,
        String issuer,
        String number,
        String scope,
        LocalDate obtainedOn,
        LocalDate validUntil,
        String evidenceId,
        Instant createdAt,
        String createdBy) {

    public enum Kind {
        TRAINING,
        CERTIFICATION
    }

    public boolean currentOn(LocalDate day) {
        return !day.isBefore(obtainedOn) && (validUntil == null || !day.isAfter(validUntil));
    }

    /** Whether this qualification's scope covers a task's required scope (words, any case). */
    public boolean covers(String requiredScope) {
        return scope.toLowerCase(java.util.Locale.ROOT)
                .contains(requiredScope.toLowerCase(java.util.Locale.ROOT).strip());
    }
}
