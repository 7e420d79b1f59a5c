package io.serviceproof.watch;

import io.serviceproof.assessment.ActionPlans;
import io.serviceproof.assessment.Assessment;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.identity.Notifications;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.users.UserAccount;
import io.serviceproof.identity.users.UserAccounts;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What happens once a person accepts (or records) a change: one action on every open assessment
 * that relies on the old edition, attached to the first of its requirements the change touches,
 * and a notice to owners and compliance managers when anything is made stale.
 */
@Component
class ChangeFollowUp {

    /** What the follow-up did. */
    record Done(Impact impact, int actionsAdded, int notified) {}

    private final WatchImpact impact;
    private final ActionPlans actions;
    private final Assessments assessments;
    private final Notifications notifications;
    private final UserAccounts users;

    ChangeFollowUp(
            WatchImpact impact,
            ActionPlans actions,
            Assessments assessments,
            Notifications notifications,
            UserAccounts users) {
        this.impact = impact;
        this.actions = actions;
        this.assessments = assessments;
        this.notifications = notifications;
        this.users = users;
    }

    Done follow(TrackedItem item, LocalDate today) {
        Impact found = impact.of(item);
        Set<String> requirementIds = impact.requirementIds(item);
        LocalDate due = item.nextDeadline(today) != null ? item.nextDeadline(today) : today.plusDays(30);
        int added = 0;
        for (Assessment assessment : impact.openAssessments(item)) {
            String requirement = assessments.view(assessment.id()).results().stream()
                    .map(r -> r.requirementId())
                    .filter(requirementIds::contains)
                    .findFirst()
                    .orElse(null);
            if (requirement != null) {
                actions.add(
                        assessment.id(),
                        requirement,
                        clip("Standards watch: " + item.title() + " — review what it changes"),
                        null,
                        due);
                added++;
            }
        }
        int notified = 0;
        if (!found.empty()) {
            for (UserAccount user : users.list()) {
                if (user.active() && (user.role() == Role.OWNER || user.role() == Role.COMPLIANCE_MANAGER)) {
                    notifications.notify(
                            user.id(),
                            "notification.watch.accepted",
                            List.of(
                                    item.title(),
                                    String.valueOf(found.assessments().size())),
                            "/watch/items/" + item.id());
                    notified++;
                }
            }
        }
        return new Done(found, added, notified);
    }

    private static String clip(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
