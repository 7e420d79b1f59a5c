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
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.evidence.EvidenceFilter;
import io.serviceproof.evidence.EvidenceLink;
import io.serviceproof.evidence.EvidenceSummary;
import io.serviceproof.evidence.LinkTarget;
import io.serviceproof.evidence.Vault;
import io.serviceproof.evidence.people.CompetenceMatrix;
import io.serviceproof.evidence.people.People;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.ledger.Appended;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.services.Offering;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.ServiceLayer;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gap analyses of an offering against a market profile: create, read (derived while open), override
 * a result with a reason, sign off (canonical JSON snapshot, SHA-256, log entry).
 */
@Service
public class Assessments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AssessmentRows rows;
    private final Catalog catalog;
    private final Vault vault;
    private final People people;
    private final Offerings offerings;
    private final Ledger ledger;
    private final UserActionTrail trail;
    private final Clock clock;

    Assessments(
            AssessmentRows rows,
            Catalog catalog,
            Vault vault,
            People people,
            Offerings offerings,
            Ledger ledger,
            UserActionTrail trail,
            Clock clock) {
        this.rows = rows;
        this.catalog = catalog;
        this.vault = vault;
        this.people = people;
        this.offerings = offerings;
        this.ledger = ledger;
        this.trail = trail;
        this.clock = clock;
    }

    public List<Assessment> assessments() {
        return rows.findAll();
    }

    public Assessment assessment(String id) {
        return rows.find(id).orElseThrow(() -> new NotFoundException("Assessment", id));
    }

    @Transactional
    public Assessment create(String offeringId, String marketCode) {
        Offering offering;
        try {
            offering = offerings.offering(offeringId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("offeringId", "no offering with this id in your organisation");
        }
        Market market;
        try {
            market = catalog.market(marketCode == null ? "" : marketCode.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (NotFoundException e) {
            throw new InvalidInputException("market", "not a market profile in your catalog");
        }
        Assessment assessment = new Assessment(
                UUID.randomUUID().toString(),
                offering.id(),
                market.code(),
                offering.name() + " → " + market.code(),
                clock.instant(),
                Tenancy.actor().name(),
                null,
                null,
                null,
                null,
                null);
        rows.insert(assessment);
        trail.record("assessment.created", "assessment", assessment.id(), assessment.title());
        return assessment;
    }

    /** The results: frozen if signed off, else derived from the organisation's current state. */
    public AssessmentView view(String id) {
        Assessment assessment = assessment(id);
        List<RequirementResult> results = assessment.signedOff()
                ? JSON.readValue(rows.snapshot(id), new TypeReference<Snapshot>() {})
                        .results()
                : AssessmentEngine.derive(inputs(assessment));
        return new AssessmentView(assessment, results, Readiness.score(results));
    }

    /** A reviewer's result for one requirement, with the reason; kept as history. */
    @Transactional
    public AssessmentView override(String id, String requirementId, Result result, String reason) {
        Assessment assessment = assessment(id);
        if (assessment.signedOff()) {
            throw new ConflictException("The assessment was signed off; start a new one to change results");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "say why the derived result does not hold");
        }
        boolean applicable = AssessmentEngine.derive(inputs(assessment)).stream()
                .anyMatch(r -> r.requirementId().equals(requirementId));
        if (!applicable) {
            throw new InvalidInputException("requirementId", "not a requirement of this assessment");
        }
        rows.insertOverride(
                UUID.randomUUID().toString(),
                id,
                requirementId,
                result,
                reason.strip(),
                clock.instant(),
                Tenancy.actor().name());
        trail.record(
                "assessment.overridden",
                "assessment",
                id,
                requirementId + " → " + result.token() + ": " + reason.strip());
        return view(id);
    }

    /** The frozen form: what is hashed and logged at sign-off. */
    record Snapshot(
            String assessmentId,
            String offeringId,
            String market,
            String signedOn,
            double score,
            List<RequirementResult> results) {}

    @Transactional
    public AssessmentView signOff(String id) {
        AssessmentView open = view(id);
        Assessment assessment = open.assessment();
        if (assessment.signedOff()) {
            throw new ConflictException("Already signed off on " + assessment.signedAt());
        }
        String snapshot;
        try {
            snapshot = Json.canonicalize(JSON.writeValueAsString(new Snapshot(
                    id,
                    assessment.offeringId(),
                    assessment.market(),
                    today().toString(),
                    open.score(),
                    open.results())));
        } catch (JsonException e) {
            throw new IllegalStateException(e);
        }
        String sha256 = sha256(snapshot);
        Appended appended = ledger.append(new EntryDraft(
                "assessment:" + id + ":signed-off",
                "assessment.signed-off",
                clock.instant(),
                null,
                List.of(Map.of("sha256", sha256)),
                new LinkedHashMap<>(Map.of(
                        "assessmentId", id,
                        "offeringId", assessment.offeringId(),
                        "market", assessment.market(),
                        "score", open.score())),
                null));
        if (!rows.signOff(
                id, clock.instant(), Tenancy.actor().name(), snapshot, sha256, open.score(), appended.index())) {
            throw new ConflictException("Signed off by someone else a moment ago");
        }
        trail.record(
                "assessment.signed-off", "assessment", id, assessment.title() + " " + open.score() + "% " + sha256);
        return view(id);
    }

    /**
     * Live readiness of an offering in each of its markets, and the gaps that recur across markets,
     * most markets first: one piece of evidence for such a requirement helps everywhere it appears.
     */
    public MarketComparison compare(String offeringId) {
        Offering offering = offerings.offering(offeringId);
        List<MarketComparison.Column> columns = new ArrayList<>();
        Map<String, List<String>> gapMarkets = new LinkedHashMap<>();
        Map<String, RequirementResult> gapRequirements = new HashMap<>();
        for (String market : offering.markets()) {
            Assessment probe = new Assessment(
                    "",
                    offeringId,
                    market,
                    offering.name() + " → " + market,
                    clock.instant(),
                    "",
                    null,
                    null,
                    null,
                    null,
                    null);
            List<RequirementResult> results = AssessmentEngine.derive(inputs(probe));
            AssessmentView view = new AssessmentView(probe, results, Readiness.score(results));
            columns.add(new MarketComparison.Column(market, view.score(), view.counts()));
            for (RequirementResult gap : view.gaps()) {
                gapMarkets
                        .computeIfAbsent(gap.requirementId(), k -> new ArrayList<>())
                        .add(market);
                gapRequirements.putIfAbsent(gap.requirementId(), gap);
            }
        }
        List<MarketComparison.Unlock> unlocks = gapMarkets.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .sorted(java.util.Comparator.comparing((Map.Entry<String, List<String>> e) ->
                                -e.getValue().size())
                        .thenComparing(e -> -Readiness.WEIGHTS.getOrDefault(
                                gapRequirements.get(e.getKey()).basis(), 1)))
                .map(e -> {
                    RequirementResult r = gapRequirements.get(e.getKey());
                    return new MarketComparison.Unlock(
                            r.requirementId(), r.framework(), r.ref(), r.title(), r.evidenceTypes(), e.getValue());
                })
                .toList();
        return new MarketComparison(offeringId, columns, unlocks);
    }

    /** Every override made in the assessment, newest first. */
    public List<OverrideRecord> overrideHistory(String id) {
        assessment(id);
        return rows.overrides(id);
    }

    /** Signed-off assessments of the same offering and market, oldest first: the trend. */
    public List<Assessment> history(String id) {
        Assessment assessment = assessment(id);
        return rows.findAll().stream()
                .filter(a -> a.signedOff()
                        && a.offeringId().equals(assessment.offeringId())
                        && a.market().equals(assessment.market()))
                .sorted(java.util.Comparator.comparing(Assessment::signedAt))
                .toList();
    }

    /** The canonical JSON frozen at sign-off (its SHA-256 is the assessment's). */
    public String snapshot(String id) {
        if (!assessment(id).signedOff()) {
            throw new ConflictException("Not signed off yet");
        }
        return rows.snapshot(id);
    }

    AssessmentInputs inputs(Assessment assessment) {
        LocalDate today = today();
        Market market = catalog.market(assessment.market());
        Map<String, Framework> byReference =
                catalog.frameworks().stream().collect(Collectors.toMap(Framework::reference, Function.identity()));
        Map<String, AssessmentInputs.Applicable> applicable = new LinkedHashMap<>();
        Map<String, Integer> strength = new HashMap<>();
        for (MarketRule rule : catalog.rules(market)) {
            Integer weight = Readiness.WEIGHTS.get(rule.basis());
            Framework framework = byReference.get(rule.frameworkKey() + "@" + rule.frameworkEdition());
            if (weight == null || framework == null) {
                continue;
            }
            List<Requirement> requirements = catalog.requirements(framework.id());
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
                                        .collect(Collectors.toSet())));
            }
        }

        Map<String, EvidenceSummary> evidence = vault.find(EvidenceFilter.all()).stream()
                .collect(Collectors.toMap(e -> e.item().id(), Function.identity()));
        Map<String, List<String>> approved = new HashMap<>();
        Map<String, List<String>> pending = new HashMap<>();
        for (EvidenceLink link : vault.allLinks()) {
            EvidenceSummary e = evidence.get(link.itemId());
            if (link.kind() != LinkTarget.REQUIREMENT || e == null) {
                continue;
            }
            String label = e.item().title() + " (v" + e.latest().version() + ", "
                    + e.latest().status().token() + ")";
            (e.latest().countsOn(today) ? approved : pending)
                    .computeIfAbsent(link.targetId(), k -> new ArrayList<>())
                    .add(label);
        }

        Crosswalk crosswalk = catalog.crosswalk();
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
        for (Recorded<ConformityResult> result : catalog.conformityResults()) {
            for (RecognitionVerdict verdict : catalog.recognitionOf(result.id())) {
                Framework framework = byReference.get(result.record().framework());
                if (verdict.recognised() && verdict.market().equals(market.code()) && framework != null) {
                    recognised.put(
                            framework.id(),
                            result.record().kind().replace('_', ' ') + " by "
                                    + result.record().conformityBody() + " for "
                                    + result.record().framework() + ", recognised in " + market.code());
                }
            }
        }

        Map<String, String> documented = new HashMap<>();
        Map<String, Set<String>> typeLayers = new HashMap<>();
        offerings
                .documentedEvidenceTypes(assessment.offeringId())
                .forEach((layerId, types) -> types.forEach((type, where) -> {
                    documented.merge(type, where, (x, y) -> x + "; " + y);
                    typeLayers
                            .computeIfAbsent(type, k -> new java.util.TreeSet<>())
                            .add(layerId);
                }));
        Map<String, Set<String>> itemLayers = new HashMap<>();
        for (EvidenceLink link : vault.allLinks()) {
            if (link.kind() == LinkTarget.SERVICE_LAYER) {
                itemLayers
                        .computeIfAbsent(link.itemId(), k -> new java.util.TreeSet<>())
                        .add(link.targetId());
            }
        }
        Map<String, Set<String>> evidenceLayers = new HashMap<>();
        for (EvidenceLink link : vault.allLinks()) {
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
                evidenceLayers);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
