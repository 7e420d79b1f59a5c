package io.serviceproof.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What needs a compliance manager's attention today, gathered from the other modules: readiness per
 * offering and market, measured service-level breaches, evidence and qualifications that lapse or
 * have lapsed, overdue actions, and the credentials in circulation.
 */
record StatusBoard(
        List<Readiness> readiness,
        List<Breach> breaches,
        List<ExpiringEvidence> evidence,
        List<LapsingQualification> qualifications,
        List<OverdueAction> actions,
        Credentials credentials) {

    /** The latest assessment of one offering for one market. */
    record Readiness(
            String assessmentId, String offering, String market, Double score, boolean signedOff, Instant createdAt) {}

    record Breach(
            String layerId, String layer, String metric, String expression, Instant periodStart, Instant detectedAt) {}

    record ExpiringEvidence(String id, String title, LocalDate validUntil, boolean lapsed) {}

    record LapsingQualification(
            String technicianId, String technician, String qualification, LocalDate validUntil, boolean lapsed) {}

    record OverdueAction(String assessmentId, String title, LocalDate dueDate) {}

    /** Credentials issued and not revoked, of which some expire soon; and how many were revoked. */
    record Credentials(int active, int expiringSoon, int revoked) {}

    public boolean allClear() {
        return breaches.isEmpty() && evidence.isEmpty() && qualifications.isEmpty() && actions.isEmpty();
    }
}
