package io.serviceproof.assessment;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Market;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.ledger.Appended;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.services.Offering;
import io.serviceproof.services.Offerings;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    private final AssessmentSources sources;
    private final Catalog catalog;
    private final Offerings offerings;
    private final Ledger ledger;
    private final UserActionTrail trail;
    private final Clock clock;

    Assessments(
            AssessmentRows rows,
            AssessmentSources sources,
            Catalog catalog,
            Offerings offerings,
            Ledger ledger,
            UserActionTrail trail,
            Clock clock) {
        this.rows = rows;
        this.sources = sources;
        this.catalog = catalog;
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
        return view(assessment(id), null);
    }

    /**
     * Every assessment's results, as {@link #view} gives them; what all open ones read alike (the
     * catalog, evidence, crosswalk) is read once for the lot.
     */
    public List<AssessmentView> views(List<Assessment> assessments) {
        AssessmentSources.Shared shared = assessments.stream().anyMatch(a -> !a.signedOff()) ? sources.shared() : null;
        return assessments.stream().map(a -> view(a, shared)).toList();
    }

    private AssessmentView view(Assessment assessment, AssessmentSources.Shared shared) {
        List<RequirementResult> results = assessment.signedOff()
                ? JSON.readValue(rows.snapshot(assessment.id()), new TypeReference<Snapshot>() {})
                        .results()
                : AssessmentEngine.derive(
                        shared == null ? sources.gather(assessment) : sources.gather(assessment, shared));
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
        boolean applicable = AssessmentEngine.derive(sources.gather(assessment)).stream()
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
                Phrase.of(
                        "trail.detail.overridden",
                        requirementId,
                        Phrase.term("assessment.result." + result.token()),
                        reason.strip()));
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
        String sha256 = io.serviceproof.common.Sha256.hex(snapshot);
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
        AssessmentSources.Shared shared = sources.shared();
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
            List<RequirementResult> results = AssessmentEngine.derive(sources.gather(probe, shared));
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
            throw new ConflictException("Only a signed-off assessment has a snapshot: sign it off first, or export"
                    + " it as xlsx, oscal or soa while it is open");
        }
        return rows.snapshot(id);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
