package io.serviceproof.assessment;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Notifications;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.identity.users.UserAccounts;
import io.serviceproof.identity.users.UserId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An assessment's action plan: each gap gets an action with an owner and a due date; owners of
 * overdue actions are reminded once per due date (moving the date re-arms the reminder).
 */
@Service
public class ActionPlans {

    private static final Logger log = LoggerFactory.getLogger(ActionPlans.class);

    private final ActionRows rows;
    private final Assessments assessments;
    private final UserAccounts users;
    private final Notifications notifications;
    private final OrganisationDirectory organisations;
    private final UserActionTrail trail;
    private final Clock clock;

    ActionPlans(
            ActionRows rows,
            Assessments assessments,
            UserAccounts users,
            Notifications notifications,
            OrganisationDirectory organisations,
            UserActionTrail trail,
            Clock clock) {
        this.rows = rows;
        this.assessments = assessments;
        this.users = users;
        this.notifications = notifications;
        this.organisations = organisations;
        this.trail = trail;
        this.clock = clock;
    }

    public List<Action> actions(String assessmentId) {
        assessments.assessment(assessmentId);
        return rows.of(assessmentId);
    }

    @Transactional
    public Action add(String assessmentId, String requirementId, String title, String ownerId, LocalDate dueDate) {
        AssessmentView view = assessments.view(assessmentId);
        if (view.results().stream().noneMatch(r -> r.requirementId().equals(requirementId))) {
            throw new InvalidInputException("requirementId", "not a requirement of this assessment");
        }
        return insert(assessmentId, requirementId, null, title, ownerId, dueDate);
    }

    /**
     * Adds a step for a gap that is no library requirement: a tender clause nothing answers. {@code
     * source} says where it comes from ("tender HP-2026-17, clause 4.2"), for people to read.
     */
    @Transactional
    public Action addFor(String assessmentId, String source, String title, String ownerId, LocalDate dueDate) {
        assessments.assessment(assessmentId);
        if (source == null || source.isBlank() || source.length() > 300) {
            throw new InvalidInputException("source", "say where the gap comes from (up to 300 characters)");
        }
        return insert(assessmentId, null, source.strip(), title, ownerId, dueDate);
    }

    private Action insert(
            String assessmentId, String requirementId, String source, String title, String ownerId, LocalDate dueDate) {
        if (title == null || title.isBlank() || title.strip().length() > 500) {
            throw new InvalidInputException("title", "say what will close the gap (up to 500 characters)");
        }
        if (dueDate == null) {
            throw new InvalidInputException("dueDate", "a due date, YYYY-MM-DD");
        }
        checkOwner(ownerId);
        Action action = new Action(
                UUID.randomUUID().toString(),
                assessmentId,
                requirementId,
                title.strip(),
                blankToNull(ownerId),
                dueDate,
                Action.Status.OPEN,
                clock.instant(),
                Tenancy.actor().name(),
                clock.instant(),
                source);
        rows.insert(action);
        trail.record(
                "assessment.action.added",
                "assessment",
                assessmentId,
                Phrase.of("trail.detail.action-due", action.title(), dueDate));
        return action;
    }

    @Transactional
    public Action update(
            String assessmentId, String actionId, Action.Status status, LocalDate dueDate, String ownerId) {
        Action action = rows.find(assessmentId, actionId).orElseThrow(() -> new NotFoundException("Action", actionId));
        if (ownerId != null) {
            checkOwner(ownerId);
        }
        rows.update(
                actionId,
                status == null ? action.status() : status,
                dueDate == null ? action.dueDate() : dueDate,
                ownerId == null ? action.ownerId() : blankToNull(ownerId),
                clock.instant());
        trail.record(
                "assessment.action.updated",
                "assessment",
                assessmentId,
                Phrase.of(
                        "trail.detail.action-status",
                        action.title(),
                        Phrase.term("assessment.action." + (status == null ? action.status() : status).token())));
        return rows.find(assessmentId, actionId).orElseThrow();
    }

    @Scheduled(cron = "${serviceproof.assessment.reminder-cron:0 17 * * * *}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "action-plan-reminders", lockAtMostFor = "PT10M")
    void remindAll() {
        for (Organisation organisation : organisations.all()) {
            try {
                remind(organisation);
            } catch (RuntimeException e) {
                log.error("Action reminders failed for organisation {}", organisation.slug(), e);
            }
        }
    }

    /** Reminds owners of overdue actions in one organisation; returns how many were reminded. */
    int remind(Organisation organisation) {
        return Tenancy.callAs(Actor.system(organisation.id(), "system:action-reminders"), () -> {
            int sent = 0;
            for (Action action : rows.overdueUnreminded(today())) {
                if (action.ownerId() == null || !rows.claimReminder(action.id(), action.dueDate())) {
                    continue;
                }
                notifications.notify(
                        UserId.valueOf(action.ownerId()),
                        "notification.action.overdue",
                        List.of(action.title(), action.dueDate().toString()),
                        "/assessments/" + action.assessmentId());
                sent++;
            }
            return sent;
        });
    }

    private void checkOwner(String ownerId) {
        if (ownerId != null && !ownerId.isBlank()) {
            try {
                users.get(UserId.valueOf(ownerId.strip()));
            } catch (RuntimeException e) {
                throw new InvalidInputException("ownerId", "no user with this id in your organisation");
            }
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
