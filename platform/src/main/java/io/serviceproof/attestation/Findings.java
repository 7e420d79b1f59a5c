package io.serviceproof.attestation;

import io.serviceproof.assessment.Action;
import io.serviceproof.assessment.ActionPlans;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The body's review, requirement by requirement. Accepting a result records it; a raised finding
 * also becomes an action in the exporter's plan for that assessment, due by its grade (a major
 * nonconformity in 30 days, a minor one in 90, an observation in 180), which the exporter answers
 * and the body then closes or keeps open. Closing a finding marks its action done.
 */
@Service
public class Findings {

    public record NewFinding(String requirementId, Finding.Grade grade, String reason, String evidenceItemId) {}

    private final FindingRows rows;
    private final Engagements engagements;
    private final ActionPlans actions;
    private final UserActionTrail trail;
    private final Clock clock;

    private final org.springframework.context.MessageSource messages;

    Findings(
            FindingRows rows,
            Engagements engagements,
            ActionPlans actions,
            UserActionTrail trail,
            Clock clock,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.rows = rows;
        this.engagements = engagements;
        this.actions = actions;
        this.trail = trail;
        this.clock = clock;
    }

    public List<Finding> findings(String engagementId) {
        engagements.find(engagementId);
        return rows.of(engagementId);
    }

    @Transactional
    public Finding raise(String engagementId, NewFinding request) {
        Engagement engagement = engagements.find(engagementId);
        engagements.requireSide(engagement, Engagements.Side.BODY);
        engagements.requireOpen(engagement);
        if (request.grade() == null) {
            throw new InvalidInputException("grade", Phrase.of("error.finding.grade"));
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.length() > 2000 || (request.grade().raised() && reason.isEmpty())) {
            throw new InvalidInputException("reason", Phrase.of("error.finding.reason"));
        }
        JsonNode snapshot = engagements.snapshotTree(engagement);
        JsonNode requirement = null;
        for (JsonNode r : snapshot.path("assessment").path("results")) {
            if (r.path("requirementId").asString().equals(request.requirementId())) {
                requirement = r;
            }
        }
        if (requirement == null) {
            throw new InvalidInputException("requirementId", Phrase.of("error.finding.requirement"));
        }
        String evidenceSha256 = null;
        if (request.evidenceItemId() != null && !request.evidenceItemId().isBlank()) {
            for (JsonNode e : snapshot.path("evidence")) {
                if (e.path("itemId").asString().equals(request.evidenceItemId())) {
                    evidenceSha256 = e.path("sha256").asString();
                }
            }
            if (evidenceSha256 == null) {
                throw new InvalidInputException("evidenceItemId", Phrase.of("error.finding.evidence"));
            }
        }
        Instant now = clock.instant();
        String label = requirement.path("label").asString();
        String actionId = null;
        if (request.grade().raised()) {
            String title = "[" + gradeLabel(request.grade()) + "] " + label + ": " + reason;
            Action action = engagements.asExporter(
                    engagement,
                    () -> actions.add(
                            engagement.assessmentId(),
                            request.requirementId(),
                            title.length() > 500 ? title.substring(0, 497) + "..." : title,
                            null,
                            dueBy(request.grade(), now)));
            actionId = action.id();
        }
        Finding finding = new Finding(
                UUID.randomUUID().toString(),
                engagementId,
                request.requirementId(),
                label,
                request.grade(),
                reason,
                evidenceSha256,
                actionId,
                request.grade().raised() ? Finding.Status.OPEN : Finding.Status.CLOSED,
                null,
                null,
                null,
                Tenancy.actor().name(),
                now,
                request.grade().raised() ? null : Tenancy.actor().name(),
                request.grade().raised() ? null : now);
        rows.insert(finding);
        trail.record(
                "engagement.finding.raised",
                "engagement",
                engagementId,
                Phrase.of(
                        "trail.detail.finding",
                        Phrase.term("engagement.grade." + request.grade().token()),
                        label));
        return finding;
    }

    /** The exporter's answer: what it did or will do. */
    @Transactional
    public Finding answer(String engagementId, String findingId, String answer) {
        Engagement engagement = engagements.find(engagementId);
        engagements.requireSide(engagement, Engagements.Side.EXPORTER);
        Finding finding = finding(engagementId, findingId);
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw new InvalidInputException("answer", Phrase.of("error.finding.answer"));
        }
        if (!finding.grade().raised()
                || !rows.answer(findingId, text, Tenancy.actor().name(), clock.instant())) {
            throw new ConflictException(Phrase.of("error.finding.closed"));
        }
        trail.record("engagement.finding.answered", "engagement", engagementId, finding.requirement());
        return finding(engagementId, findingId);
    }

    /** The body closes a finding (its action is done) or keeps it open (the answer did not satisfy). */
    @Transactional
    public Finding decide(String engagementId, String findingId, boolean close) {
        Engagement engagement = engagements.find(engagementId);
        engagements.requireSide(engagement, Engagements.Side.BODY);
        engagements.requireOpen(engagement);
        Finding finding = finding(engagementId, findingId);
        if (finding.status() != Finding.Status.ANSWERED && !(close && finding.status() == Finding.Status.OPEN)) {
            throw new ConflictException(
                    finding.status() == Finding.Status.CLOSED
                            ? Phrase.of("error.finding.already-closed")
                            : Phrase.of("error.finding.unanswered"));
        }
        Instant now = clock.instant();
        Finding.Status to = close ? Finding.Status.CLOSED : Finding.Status.OPEN;
        if (!rows.setStatus(findingId, finding.status(), to, Tenancy.actor().name(), now)) {
            throw new ConflictException(Phrase.of("error.finding.concurrent"));
        }
        if (close && finding.actionId() != null) {
            engagements.asExporter(
                    engagement,
                    () -> actions.update(
                            engagement.assessmentId(), finding.actionId(), Action.Status.DONE, null, null));
        }
        trail.record(
                close ? "engagement.finding.closed" : "engagement.finding.kept",
                "engagement",
                engagementId,
                finding.requirement());
        return finding(engagementId, findingId);
    }

    private Finding finding(String engagementId, String findingId) {
        return rows.find(engagementId, findingId).orElseThrow(() -> new NotFoundException("Finding", findingId));
    }

    private static LocalDate dueBy(Finding.Grade grade, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return switch (grade) {
            case MAJOR -> today.plusDays(30);
            case MINOR -> today.plusDays(90);
            default -> today.plusDays(180);
        };
    }

    /**
     * The grade as the body names it, in the language the body's person works in: the action title
     * is the body's wording, like the reason beside it.
     */
    private String gradeLabel(Finding.Grade grade) {
        String label = messages.getMessage(
                "engagement.grade." + grade.name().toLowerCase(),
                null,
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
        return label.substring(0, 1).toUpperCase() + label.substring(1);
    }
}
