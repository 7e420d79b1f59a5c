package io.serviceproof.dashboard;

import io.serviceproof.assessment.Action;
import io.serviceproof.assessment.ActionPlans;
import io.serviceproof.assessment.Assessment;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.dossier.Credential;
import io.serviceproof.evidence.EvidenceFilter;
import io.serviceproof.evidence.EvidenceStatus;
import io.serviceproof.evidence.EvidenceSummary;
import io.serviceproof.evidence.Vault;
import io.serviceproof.evidence.people.People;
import io.serviceproof.evidence.people.Qualification;
import io.serviceproof.evidence.people.Technician;
import io.serviceproof.services.Offering;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.ServiceLayer;
import io.serviceproof.sla.SlaAttainment;
import io.serviceproof.sla.SlaBreach;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Gathers the acting organisation's {@link StatusBoard}; every read is tenant-scoped by the modules. */
@Service
class StatusBoards {

    /** How far ahead lapsing evidence and qualifications are shown. */
    static final int LOOK_AHEAD_DAYS = 30;
    /** A credential this close to its end is shown as expiring. */
    static final Duration CREDENTIAL_LOOK_AHEAD = Duration.ofDays(60);

    private final Assessments assessments;
    private final ActionPlans actions;
    private final Offerings offerings;
    private final Vault vault;
    private final People people;
    private final SlaAttainment sla;
    private final io.serviceproof.dossier.Credentials credentials;
    private final Clock clock;

    StatusBoards(
            Assessments assessments,
            ActionPlans actions,
            Offerings offerings,
            Vault vault,
            People people,
            SlaAttainment sla,
            io.serviceproof.dossier.Credentials credentials,
            Clock clock) {
        this.assessments = assessments;
        this.actions = actions;
        this.offerings = offerings;
        this.vault = vault;
        this.people = people;
        this.sla = sla;
        this.credentials = credentials;
        this.clock = clock;
    }

    StatusBoard current() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<Assessment> all = assessments.assessments();
        return new StatusBoard(
                readiness(all),
                breaches(),
                evidence(today),
                qualifications(today),
                overdue(all, today),
                credentialCounts());
    }

    private List<StatusBoard.Readiness> readiness(List<Assessment> all) {
        Map<String, String> names =
                offerings.offerings().stream().collect(Collectors.toMap(Offering::id, Offering::name));
        Map<String, Assessment> latest = new LinkedHashMap<>();
        for (Assessment a : all) {
            latest.merge(
                    a.offeringId() + " " + a.market(),
                    a,
                    (x, y) -> y.createdAt().isAfter(x.createdAt()) ? y : x);
        }
        // Open assessments are computed live (their stored score is set at sign-off).
        return assessments.views(new ArrayList<>(latest.values())).stream()
                .map(view -> {
                    Assessment a = view.assessment();
                    return new StatusBoard.Readiness(
                            a.id(),
                            names.getOrDefault(a.offeringId(), a.offeringId()),
                            a.market(),
                            view.score(),
                            a.signedOff(),
                            a.createdAt());
                })
                .sorted(Comparator.comparing(StatusBoard.Readiness::offering)
                        .thenComparing(StatusBoard.Readiness::market))
                .toList();
    }

    private List<StatusBoard.Breach> breaches() {
        List<ServiceLayer> layers = offerings.allLayers();
        Map<String, ServiceLayer> byId =
                layers.stream().collect(Collectors.toMap(ServiceLayer::id, Function.identity()));
        return sla.recentBreaches(layers).stream()
                .sorted(Comparator.comparing(SlaBreach::detectedAt).reversed())
                .map(b -> new StatusBoard.Breach(
                        b.layerId(),
                        byId.containsKey(b.layerId()) ? byId.get(b.layerId()).name() : b.layerId(),
                        b.metric(),
                        b.expression(),
                        b.periodStart(),
                        b.detectedAt()))
                .toList();
    }

    private List<StatusBoard.ExpiringEvidence> evidence(LocalDate today) {
        List<StatusBoard.ExpiringEvidence> out = new ArrayList<>();
        for (EvidenceSummary e : vault.find(
                new EvidenceFilter(null, EvidenceStatus.APPROVED, today.plusDays(LOOK_AHEAD_DAYS), null, null))) {
            out.add(new StatusBoard.ExpiringEvidence(
                    e.item().id(), e.item().title(), e.latest().validUntil(), false));
        }
        for (EvidenceSummary e : vault.find(new EvidenceFilter(null, EvidenceStatus.EXPIRED, null, null, null))) {
            out.add(new StatusBoard.ExpiringEvidence(
                    e.item().id(), e.item().title(), e.latest().validUntil(), true));
        }
        out.sort(Comparator.comparing(
                StatusBoard.ExpiringEvidence::validUntil, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /**
     * Qualifications that lapse soon or have lapsed, unless renewed: a later qualification of the same
     * name for the same technician (or one without an end) means nobody needs reminding.
     */
    private List<StatusBoard.LapsingQualification> qualifications(LocalDate today) {
        Map<String, String> names =
                people.technicians().stream().collect(Collectors.toMap(Technician::id, Technician::name));
        List<StatusBoard.LapsingQualification> out = new ArrayList<>();
        for (Qualification q : people.endingWithin(LOOK_AHEAD_DAYS)) {
            boolean renewed = people.qualificationsOf(q.technicianId()).stream()
                    .anyMatch(other -> !other.id().equals(q.id())
                            && other.name().equalsIgnoreCase(q.name())
                            && (other.validUntil() == null || other.validUntil().isAfter(q.validUntil())));
            if (!renewed) {
                out.add(new StatusBoard.LapsingQualification(
                        q.technicianId(),
                        names.getOrDefault(q.technicianId(), q.technicianId()),
                        q.name(),
                        q.validUntil(),
                        q.validUntil().isBefore(today)));
            }
        }
        return out;
    }

    private List<StatusBoard.OverdueAction> overdue(List<Assessment> all, LocalDate today) {
        List<StatusBoard.OverdueAction> out = new ArrayList<>();
        for (Assessment a : all) {
            for (Action action : actions.actions(a.id())) {
                if (action.status() != Action.Status.DONE
                        && action.dueDate() != null
                        && action.dueDate().isBefore(today)) {
                    out.add(new StatusBoard.OverdueAction(a.id(), action.title(), action.dueDate()));
                }
            }
        }
        out.sort(Comparator.comparing(StatusBoard.OverdueAction::dueDate));
        return out;
    }

    private StatusBoard.Credentials credentialCounts() {
        int active = 0;
        int expiring = 0;
        int revoked = 0;
        for (Credential c : credentials.credentials()) {
            if (c.revoked()) {
                revoked++;
            } else if (c.validUntil().isAfter(clock.instant())) {
                active++;
                if (c.validUntil().isBefore(clock.instant().plus(CREDENTIAL_LOOK_AHEAD))) {
                    expiring++;
                }
            }
        }
        return new StatusBoard.Credentials(active, expiring, revoked);
    }
}
