package io.serviceproof.assessment;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.EvidenceType;
import io.serviceproof.catalog.Framework;
import io.serviceproof.catalog.Market;
import io.serviceproof.catalog.MarketRule;
import io.serviceproof.catalog.Recorded;
import io.serviceproof.catalog.Requirement;
import io.serviceproof.catalog.crosswalk.Coverage;
import io.serviceproof.catalog.crosswalk.Crosswalk;
import io.serviceproof.catalog.recognition.ConformityResult;
import io.serviceproof.catalog.recognition.RecognitionVerdict;
import io.serviceproof.evidence.EvidenceFilter;
import io.serviceproof.evidence.EvidenceLink;
import io.serviceproof.evidence.EvidenceSummary;
import io.serviceproof.evidence.LinkTarget;
import io.serviceproof.evidence.Vault;
import io.serviceproof.evidence.people.CompetenceMatrix;
import io.serviceproof.evidence.people.People;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.ServiceLayer;
import io.serviceproof.sla.SlaAttainment;
import io.serviceproof.sla.SlaBreach;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Gathers what a derivation needs from the other modules, once per computation: the market's
 * applicable requirements, evidence and its links, confirmed coverage from the crosswalk,
 * recognised conformity results, the offering's published layer documents, competence matrices
 * and the assessment's overrides.
 */
@Component
class AssessmentSources {

    private final AssessmentRows rows;
    private final Catalog catalog;
    private final Vault vault;
    private final People people;
    private final Offerings offerings;
    private final io.serviceproof.services.PublishedLayers published;
    private final SlaAttainment sla;
    private final Clock clock;

    AssessmentSources(
            AssessmentRows rows,
            Catalog catalog,
            Vault vault,
            People people,
            Offerings offerings,
            io.serviceproof.services.PublishedLayers published,
            SlaAttainment sla,
            Clock clock) {
        this.rows = rows;
        this.catalog = catalog;
        this.vault = vault;
        this.people = people;
        this.offerings = offerings;
        this.published = published;
        this.sla = sla;
        this.clock = clock;
    }

    /**
     * What every assessment of the organisation reads alike: frameworks, evidence with its links and
     * standing, the crosswalk, conformity results with their recognitions, and each framework's
     * requirements as first needed. Read once when several assessments are derived together (the
     * list, a comparison across markets), instead of once per assessment.
     */
    static final class Shared {
        final LocalDate today;
        final Map<String, Framework> byReference;
        final List<EvidenceLink> links;
        /** Requirement id → labels of evidence that counts today, and of evidence that does not yet. */
        final Map<String, List<String>> approved = new HashMap<>();

        final Map<String, List<String>> pending = new HashMap<>();
        final Crosswalk crosswalk;
        final Map<Recorded<ConformityResult>, List<RecognitionVerdict>> recognitions = new LinkedHashMap<>();
        private final Map<String, List<Requirement>> requirements = new HashMap<>();
        private final Function<String, List<Requirement>> readRequirements;

        private Shared(Catalog catalog, Vault vault, LocalDate today) {
            this.today = today;
            this.byReference =
                    catalog.frameworks().stream().collect(Collectors.toMap(Framework::reference, Function.identity()));
            this.readRequirements = catalog::requirements;
            Map<String, EvidenceSummary> evidence = vault.find(EvidenceFilter.all()).stream()
                    .collect(Collectors.toMap(e -> e.item().id(), Function.identity()));
            this.links = vault.allLinks();
            for (EvidenceLink link : links) {
                EvidenceSummary e = evidence.get(link.itemId());
                if (link.kind() != LinkTarget.REQUIREMENT || e == null) {
                    continue;
                }
                // Who approved this link is part of the reason: an auditor asks whose judgement it is.
                String label = e.item().title() + " (v" + e.latest().version() + ", "
                        + e.latest()
                                .approverOf(link)
                                .map(approver -> "approved by " + approver)
                                .orElse(e.latest().status().token())
                        + ")";
                (e.latest().countsOn(today) ? approved : pending)
                        .computeIfAbsent(link.targetId(), k -> new ArrayList<>())
                        .add(label);
            }
            this.crosswalk = catalog.crosswalk();
            for (Recorded<ConformityResult> result : catalog.conformityResults()) {
                recognitions.put(result, catalog.recognitionOf(result.id()));
            }
        }

        List<Requirement> requirements(String frameworkId) {
            return requirements.computeIfAbsent(frameworkId, readRequirements);
        }
    }

    Shared shared() {
        return new Shared(catalog, vault, today());
    }

    /** Which of the rows a requirement's applicability rests on no reviewer has confirmed, or null. */
    private static String unverified(Requirement requirement, MarketRule rule, Market market) {
        List<String> rows = new ArrayList<>();
        if (!requirement.provenance().verified()) {
            rows.add("the requirement [" + requirement.provenance().tag() + "]");
        }
        if (!rule.provenance().verified()) {
            rows.add("the " + market.code() + " rule making it " + rule.basis() + " ["
                    + rule.provenance().tag() + "]");
        }
        return rows.isEmpty() ? null : "no recorded review of " + String.join(" or ", rows);
    }

    AssessmentInputs gather(Assessment assessment) {
        return gather(assessment, shared());
    }

    AssessmentInputs gather(Assessment assessment, Shared shared) {
        LocalDate today = shared.today;
        Market market = catalog.market(assessment.market());
        Map<String, Framework> byReference = shared.byReference;
        Map<String, AssessmentInputs.Applicable> applicable = new LinkedHashMap<>();
        Map<String, Integer> strength = new HashMap<>();
        for (MarketRule rule : catalog.rules(market)) {
            Integer weight = Readiness.WEIGHTS.get(rule.basis());
            Framework framework = byReference.get(rule.frameworkKey() + "@" + rule.frameworkEdition());
            if (weight == null || framework == null) {
                continue;
            }
            List<Requirement> requirements = shared.requirements(framework.id());
            Set<String> parents = requirements.stream()
                    .map(Requirement::parentRef)
                    .filter(java.util.Objects::nonNull)
                    .collect(Collectors.toSet());
            for (Requirement r : requirements) {
                boolean selected = rule.requirementRef() == null
                        ? !parents.contains(r.refId())
                        : rule.requirementRef().equals(r.refId());
                if (!selected || strength.getOrDefault(r.id(), 0) >= weight) {
                    continue;
                }
                strength.put(r.id(), weight);
                applicable.put(
                        r.id(),
                        new AssessmentInputs.Applicable(
                                r.id(),
                                framework.id(),
                                framework.label(),
                                r.refId(),
                                r.titleEn(),
                                rule.basis(),
                                r.evidenceTypes().stream()
                                        .map(EvidenceType::name)
                                        .collect(Collectors.toSet()),
                                unverified(r, rule, market)));
            }
        }

        Map<String, List<String>> approved = shared.approved;
        Map<String, List<String>> pending = shared.pending;
        List<EvidenceLink> links = shared.links;
        Crosswalk crosswalk = shared.crosswalk;
        Map<String, List<AssessmentInputs.Cover>> coveredBy = new HashMap<>();
        for (String requirementId : applicable.keySet()) {
            for (Crosswalk.Link link : crosswalk.coveredBy(requirementId)) {
                if (link.coverage() == Coverage.NONE || !approved.containsKey(link.byId())) {
                    continue;
                }
                String label = crosswalk
                        .node(link.byId())
                        .map(n -> n.frameworkKey() + "@" + n.edition() + " " + n.ref())
                        .orElse(link.byId());
                coveredBy
                        .computeIfAbsent(requirementId, k -> new ArrayList<>())
                        .add(new AssessmentInputs.Cover(
                                link.byId(), label, link.coverage() == Coverage.FULL, link.mappingId()));
            }
        }

        Map<String, String> recognised = new HashMap<>();
        Map<String, String> unverifiedRecognition = new HashMap<>();
        for (Map.Entry<Recorded<ConformityResult>, List<RecognitionVerdict>> recognition :
                shared.recognitions.entrySet()) {
            Recorded<ConformityResult> result = recognition.getKey();
            for (RecognitionVerdict verdict : recognition.getValue()) {
                Framework framework = byReference.get(result.record().framework());
                if (verdict.recognised() && verdict.market().equals(market.code()) && framework != null) {
                    recognised.put(
                            framework.id(),
                            result.record().kind().replace('_', ' ') + " by "
                                    + result.record().conformityBody() + " for "
                                    + result.record().framework() + ": " + verdict.statement());
                }
                if (verdict.outcome() == RecognitionVerdict.Outcome.UNVERIFIED
                        && verdict.market().equals(market.code())
                        && framework != null) {
                    unverifiedRecognition.put(
                            framework.id(),
                            result.record().kind().replace('_', ' ') + " by "
                                    + result.record().conformityBody() + " for "
                                    + result.record().framework() + " not counted: it rests on unverified rows: "
                                    + String.join("; ", verdict.unverifiedRows()));
                }
            }
        }

        Map<String, String> documented = new HashMap<>();
        Map<String, Set<String>> typeLayers = new HashMap<>();
        published
                .documentedEvidenceTypes(assessment.offeringId())
                .forEach((layerId, types) -> types.forEach((type, where) -> {
                    documented.merge(type, where, (x, y) -> x + "; " + y);
                    typeLayers
                            .computeIfAbsent(type, k -> new java.util.TreeSet<>())
                            .add(layerId);
                }));
        Map<String, Set<String>> itemLayers = new HashMap<>();
        for (EvidenceLink link : links) {
            if (link.kind() == LinkTarget.SERVICE_LAYER) {
                itemLayers
                        .computeIfAbsent(link.itemId(), k -> new java.util.TreeSet<>())
                        .add(link.targetId());
            }
        }
        Map<String, Set<String>> evidenceLayers = new HashMap<>();
        for (EvidenceLink link : links) {
            if (link.kind() == LinkTarget.REQUIREMENT && itemLayers.containsKey(link.itemId())) {
                evidenceLayers
                        .computeIfAbsent(link.targetId(), k -> new java.util.TreeSet<>())
                        .addAll(itemLayers.get(link.itemId()));
            }
        }
        for (ServiceLayer layer : offerings.layers(assessment.offeringId())) {
            CompetenceMatrix matrix = people.matrix(layer.id(), today);
            boolean anyCurrent = matrix.rows().stream()
                    .anyMatch(r -> r.cells().values().stream().anyMatch(c -> c.current()));
            if (!matrix.tasks().isEmpty() && anyCurrent && matrix.lapsed() == 0) {
                documented.merge("E4", layer.name() + ": competence matrix current", (a, b) -> a + "; " + b);
                typeLayers.computeIfAbsent("E4", k -> new java.util.TreeSet<>()).add(layer.id());
            }
        }
        return new AssessmentInputs(
                new ArrayList<>(applicable.values()),
                approved,
                pending,
                coveredBy,
                recognised,
                documented,
                rows.latestOverrides(assessment.id()),
                typeLayers,
                evidenceLayers,
                slaFindings(offerings.layers(assessment.offeringId())),
                unverifiedRecognition);
    }

    /** Recent breaches (nonconformities) and last closed period's attainment of each measured layer. */
    private List<AssessmentInputs.SlaFinding> slaFindings(List<ServiceLayer> layers) {
        List<AssessmentInputs.SlaFinding> findings = new ArrayList<>();
        for (SlaBreach b : sla.recentBreaches(layers)) {
            String layer = layers.stream()
                    .filter(l -> l.id().equals(b.layerId()))
                    .map(ServiceLayer::name)
                    .findFirst()
                    .orElse(b.layerId());
            findings.add(new AssessmentInputs.SlaFinding(
                    b.layerId(),
                    true,
                    "SLA breached: " + layer + ", " + b.metric() + " (" + b.expression() + ") measured " + b.measured()
                            + " in the period from " + LocalDate.ofInstant(b.periodStart(), ZoneOffset.UTC)
                            + "; log entry #" + b.ledgerIndex(),
                    "/ledger/entries/" + b.ledgerIndex()));
        }
        for (ServiceLayer layer : layers) {
            SlaAttainment.LayerAttainment attained = sla.lastClosedPeriod(layer);
            if (attained.measured() > 0) {
                findings.add(new AssessmentInputs.SlaFinding(
                        layer.id(),
                        false,
                        "SLA measured from logged events: " + layer.name() + ", " + attained.met() + " of "
                                + attained.published() + " objectives met in " + attained.period(),
                        "/layers/" + layer.id() + "/sla?period=" + attained.period()));
            }
        }
        return findings;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
