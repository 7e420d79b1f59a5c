package io.serviceproof.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * What the signed-in person, in their role, has to do: the actions assigned to them, the layer tasks
 * they are authorised for (an engineer who is one of the organisation's technicians), and the
 * third-party engagements waiting on this organisation (findings to answer as exporter, answers to
 * review as body).
 */
record PersonalBoard(List<AssignedAction> actions, List<Task> tasks, List<EngagementStep> engagements) {

    record AssignedAction(String assessmentId, String title, LocalDate dueDate, boolean overdue) {}

    record Task(String task, String layer, String requiredScope, boolean qualified) {}

    /** @param waiting findings to answer (exporter) or answers to review (body) */
    record EngagementStep(
            String engagementId, String counterpart, String market, String side, long waiting, boolean attested) {}
}
