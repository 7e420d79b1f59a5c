package io.serviceproof.dashboard;

import io.serviceproof.assessment.Action;
import io.serviceproof.assessment.ActionPlans;
import io.serviceproof.assessment.Assessment;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.attestation.Engagements;
import io.serviceproof.attestation.Finding;
import io.serviceproof.attestation.Findings;
import io.serviceproof.evidence.people.Authorisation;
import io.serviceproof.evidence.people.LayerTask;
import io.serviceproof.evidence.people.People;
import io.serviceproof.evidence.people.Qualification;
import io.serviceproof.evidence.people.Technician;
import io.serviceproof.identity.Actor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/** Gathers the signed-in person's {@link PersonalBoard}; every read is tenant-scoped by the modules. */
@Service
class PersonalBoards {

    /** The dashboard lists at most this many of a person's actions, the soonest due first. */
    static final int MAX_ACTIONS = 10;

    private final Assessments assessments;
    private final ActionPlans actions;
    private final People people;
    private final Engagements engagements;
    private final Findings findings;
    private final Clock clock;

    PersonalBoards(
            Assessments assessments,
            ActionPlans actions,
            People people,
            Engagements engagements,
            Findings findings,
            Clock clock) {
        this.assessments = assessments;
        this.actions = actions;
        this.people = people;
        this.engagements = engagements;
        this.findings = findings;
        this.clock = clock;
    }

    PersonalBoard of(Actor actor) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return new PersonalBoard(assigned(actor, today), tasks(actor, today), engagementSteps());
    }

    private List<PersonalBoard.AssignedAction> assigned(Actor actor, LocalDate today) {
        List<PersonalBoard.AssignedAction> mine = new ArrayList<>();
        for (Assessment assessment : assessments.assessments()) {
            for (Action action : actions.actions(assessment.id())) {
                if (actor.id().equals(action.ownerId()) && action.status() != Action.Status.DONE) {
                    mine.add(new PersonalBoard.AssignedAction(
                            assessment.id(), action.title(), action.dueDate(), action.overdueOn(today)));
                }
            }
        }
        return mine.stream()
                .sorted(Comparator.comparing(PersonalBoard.AssignedAction::dueDate))
                .limit(MAX_ACTIONS)
                .toList();
    }

    /** The tasks of the technician record linked to this user, and whether a current qualification covers each. */
    private List<PersonalBoard.Task> tasks(Actor actor, LocalDate today) {
        List<PersonalBoard.Task> tasks = new ArrayList<>();
        for (Technician technician : people.technicians()) {
            if (!technician.active() || !actor.id().equals(technician.userId())) {
                continue;
            }
            List<Qualification> qualifications = people.qualificationsOf(technician.id());
            for (Authorisation authorisation : people.authorisationsOf(technician.id())) {
                people.task(authorisation.taskId()).ifPresent(task -> tasks.add(task(task, qualifications, today)));
            }
        }
        return tasks;
    }

    private PersonalBoard.Task task(LayerTask task, List<Qualification> qualifications, LocalDate today) {
        boolean qualified = qualifications.stream().anyMatch(q -> q.currentOn(today) && q.covers(task.requiredScope()));
        return new PersonalBoard.Task(task.task(), people.layerName(task.layerId()), task.requiredScope(), qualified);
    }

    /** Open engagements with something waiting on this organisation, or not yet concluded. */
    private List<PersonalBoard.EngagementStep> engagementSteps() {
        List<PersonalBoard.EngagementStep> steps = new ArrayList<>();
        for (Engagements.EngagementView view : engagements.engagements()) {
            if (!view.bodyMayRead()) {
                continue;
            }
            boolean exporter = view.side() == Engagements.Side.EXPORTER;
            List<Finding> all = findings.findings(view.engagement().id());
            long waiting = all.stream()
                    .filter(f -> f.grade().raised())
                    .filter(f -> exporter ? f.status() == Finding.Status.OPEN : f.status() == Finding.Status.ANSWERED)
                    .count();
            if (waiting > 0 || !view.engagement().attested()) {
                steps.add(new PersonalBoard.EngagementStep(
                        view.engagement().id(),
                        exporter ? view.body().name() : view.exporter().name(),
                        view.engagement().market(),
                        view.side().name(),
                        waiting,
                        view.engagement().attested()));
            }
        }
        return steps;
    }
}
