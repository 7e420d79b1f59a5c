package io.serviceproof.catalog;

import io.serviceproof.catalog.crosswalk.CoverageMatrix;
import io.serviceproof.catalog.crosswalk.Crosswalk;
import io.serviceproof.catalog.exchange.LibraryDocument;
import io.serviceproof.catalog.exchange.Locations;
import io.serviceproof.catalog.recognition.AcceptanceRule;
import io.serviceproof.catalog.recognition.Accreditation;
import io.serviceproof.catalog.recognition.Arrangement;
import io.serviceproof.catalog.recognition.ConformityResult;
import io.serviceproof.catalog.recognition.G2gMra;
import io.serviceproof.catalog.recognition.RecognitionEvaluator;
import io.serviceproof.catalog.recognition.RecognitionVerdict;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The acting organisation's standards library: what other modules and the web layer read. */
@Service
public class Catalog {

    private final Frameworks frameworks;
    private final Mappings mappings;
    private final Adoptions adoptions;
    private final Markets markets;
    private final RecognitionRecords recognition;
    private final CatalogWriter writer;
    private final RequirementSearch search;
    private final UserActionTrail trail;
    private final Clock clock;

    Catalog(
            Frameworks frameworks,
            Mappings mappings,
            Adoptions adoptions,
            Markets markets,
            RecognitionRecords recognition,
            CatalogWriter writer,
            RequirementSearch search,
            UserActionTrail trail,
            Clock clock) {
        this.frameworks = frameworks;
        this.mappings = mappings;
        this.adoptions = adoptions;
        this.markets = markets;
        this.recognition = recognition;
        this.writer = writer;
        this.search = search;
        this.trail = trail;
        this.clock = clock;
    }

    public List<Framework> frameworks() {
        return frameworks.findAll();
    }

    public Framework framework(String id) {
        return frameworks.findById(id).orElseThrow(() -> new NotFoundException("Framework", id));
    }

    public List<Requirement> requirements(String frameworkId) {
        framework(frameworkId);
        return frameworks.requirements(frameworkId);
    }

    /** Every requirement of every framework, frameworks and requirements in order. */
    public List<Requirement> allRequirements() {
        return frameworks.allRequirements();
    }

    public Requirement requirement(String id) {
        return frameworks.requirement(id).orElseThrow(() -> new NotFoundException("Requirement", id));
    }

    /** The framework's requirements in order, each with its depth under its parents. */
    public List<TreeItem> tree(String frameworkId) {
        List<Requirement> all = requirements(frameworkId);
        Map<String, Integer> depth = new HashMap<>();
        Set<String> parents =
                all.stream().map(Requirement::parentRef).filter(p -> p != null).collect(Collectors.toSet());
        List<TreeItem> items = new ArrayList<>();
        for (Requirement requirement : all) {
            int d = requirement.parentRef() == null ? 0 : depth.getOrDefault(requirement.parentRef(), -1) + 1;
            depth.put(requirement.refId(), d);
            items.add(new TreeItem(requirement, d, parents.contains(requirement.refId())));
        }
        return items;
    }

    public List<Adoption> adoptions() {
        return adoptions.findAll();
    }

    public List<Adoption> adoptionsOf(Framework framework) {
        return adoptions.findAll().stream()
                .filter(a -> a.baseKey().equals(framework.key()))
                .toList();
    }

    public List<MappingView> mappingsOf(String requirementId) {
        requirement(requirementId);
        return views(mappings.touching(requirementId));
    }

    public List<MappingView> mappings(Set<MappingStatus> statuses) {
        return views(mappings.findByStatus(statuses));
    }

    public MappingView mapping(String id) {
        return views(List.of(mappings.findById(id).orElseThrow(() -> new NotFoundException("Mapping", id))))
                .get(0);
    }

    public List<MappingChange> history(String mappingId) {
        mapping(mappingId);
        return mappings.history(mappingId);
    }

    List<MappingView> views(List<Mapping> rows) {
        Map<String, Framework> frameworkById =
                frameworks.findAll().stream().collect(Collectors.toMap(Framework::id, Function.identity()));
        Map<String, Requirement> requirementById = new HashMap<>();
        for (Mapping mapping : rows) {
            for (String id : List.of(mapping.sourceId(), mapping.targetId())) {
                requirementById.computeIfAbsent(
                        id, k -> frameworks.requirement(k).orElseThrow());
            }
        }
        return rows.stream()
                .map(m -> {
                    Requirement source = requirementById.get(m.sourceId());
                    Requirement target = requirementById.get(m.targetId());
                    return new MappingView(
                            m,
                            source,
                            frameworkById.get(source.frameworkId()),
                            target,
                            frameworkById.get(target.frameworkId()));
                })
                .toList();
    }

    /** The crosswalk engine over the whole catalog (confirmed mappings, adoptions, inferences). */
    public Crosswalk crosswalk() {
        Map<String, Framework> frameworkById =
                frameworks.findAll().stream().collect(Collectors.toMap(Framework::id, Function.identity()));
        List<Crosswalk.Node> nodes = frameworks.allRequirements().stream()
                .map(r -> {
                    Framework f = frameworkById.get(r.frameworkId());
                    return new Crosswalk.Node(r.id(), f.id(), f.key(), f.edition(), r.refId());
                })
                .toList();
        List<Crosswalk.Edge> edges = mappings.findAll().stream()
                .map(m -> new Crosswalk.Edge(
                        m.id(), m.sourceId(), m.targetId(), m.relationship(), m.strength(), m.status()))
                .toList();
        List<Crosswalk.AdoptionLink> links = adoptions.findAll().stream()
                .map(a -> new Crosswalk.AdoptionLink(
                        a.nationalId(), a.nationalKey(), a.nationalEdition(), a.baseKey(), a.baseEdition(), a.degree()))
                .toList();
        return new Crosswalk(nodes, edges, links);
    }

    public CoverageMatrix compare(String frameworkA, String frameworkB) {
        framework(frameworkA);
        framework(frameworkB);
        return crosswalk().compare(frameworkA, frameworkB);
    }

    public EditionDiff diff(String fromId, String toId) {
        Framework from = framework(fromId);
        Framework to = framework(toId);
        Map<String, Requirement> before = frameworks.requirements(fromId).stream()
                .collect(Collectors.toMap(Requirement::refId, Function.identity()));
        List<Requirement> added = new ArrayList<>();
        List<EditionDiff.Change> retitled = new ArrayList<>();
        List<EditionDiff.Change> moved = new ArrayList<>();
        int unchanged = 0;
        for (Requirement after : frameworks.requirements(toId)) {
            Requirement old = before.remove(after.refId());
            if (old == null) {
                added.add(after);
            } else if (!old.titleEn().equals(after.titleEn()) || !old.titleZh().equals(after.titleZh())) {
                retitled.add(new EditionDiff.Change(old, after));
            } else if (!java.util.Objects.equals(old.parentRef(), after.parentRef())) {
                moved.add(new EditionDiff.Change(old, after));
            } else {
                unchanged++;
            }
        }
        List<Requirement> removed = new ArrayList<>(before.values());
        removed.sort(java.util.Comparator.comparing(Requirement::position));
        return new EditionDiff(from, to, added, removed, retitled, moved, unchanged);
    }

    public List<SearchHit> search(String query, int limit) {
        return search.search(query, limit);
    }

    public List<Market> markets() {
        return markets.findAll();
    }

    public Market market(String code) {
        return markets.findByCode(code).orElseThrow(() -> new NotFoundException("Market", code));
    }

    public List<MarketRule> rules(Market market) {
        return markets.rules(market.id());
    }

    /** Markets where the framework (or this requirement of it) applies, with the rule that says why. */
    public List<MarketApplicability> marketsRequiring(Framework framework, Requirement requirement) {
        Map<String, Market> byId =
                markets.findAll().stream().collect(Collectors.toMap(Market::id, Function.identity()));
        return markets.allRules().stream()
                .filter(r -> r.frameworkKey().equals(framework.key())
                        && r.frameworkEdition().equals(framework.edition()))
                .filter(r -> r.requirementRef() == null
                        || requirement == null
                        || r.requirementRef().equals(requirement.refId()))
                .map(r -> new MarketApplicability(byId.get(r.marketId()), r))
                .sorted(java.util.Comparator.comparing(
                        (MarketApplicability m) -> m.market().code()))
                .toList();
    }

    public List<Recorded<Arrangement>> arrangements() {
        return recognition.find(RecognitionRecords.ARRANGEMENT, Arrangement.class);
    }

    public List<Recorded<G2gMra>> g2gMras() {
        return recognition.find(RecognitionRecords.G2G_MRA, G2gMra.class);
    }

    public List<Recorded<AcceptanceRule>> acceptanceRules() {
        return recognition.find(RecognitionRecords.ACCEPTANCE_RULE, AcceptanceRule.class);
    }

    public List<Recorded<Accreditation>> accreditations() {
        return recognition.find(RecognitionRecords.ACCREDITATION, Accreditation.class);
    }

    public List<Recorded<ConformityResult>> conformityResults() {
        return recognition.find(RecognitionRecords.CONFORMITY_RESULT, ConformityResult.class);
    }

    public Recorded<ConformityResult> conformityResult(String id) {
        return recognition
                .findById(RecognitionRecords.CONFORMITY_RESULT, id, ConformityResult.class)
                .orElseThrow(() -> new NotFoundException("Conformity result", id));
    }

    @Transactional
    public Recorded<ConformityResult> recordConformityResult(ConformityResult result, Provenance provenance) {
        String id = UUID.randomUUID().toString();
        recognition.insert(id, RecognitionRecords.CONFORMITY_RESULT, result, provenance, null);
        trail.record(
                "catalog.conformity-result.recorded",
                "conformity-result",
                id,
                Phrase.of(
                        "trail.detail.conformity-result",
                        Phrase.term("recognition.kind." + result.kind()),
                        result.framework()));
        return conformityResult(id);
    }

    /** Sets a result's status (e.g. {@code withdrawn} when its issuer withdraws it); validity checks read it. */
    @Transactional
    public Recorded<ConformityResult> setConformityResultStatus(String id, String status) {
        ConformityResult r = conformityResult(id).record();
        recognition.updateRecord(
                RecognitionRecords.CONFORMITY_RESULT,
                id,
                new ConformityResult(
                        r.key(),
                        r.kind(),
                        r.framework(),
                        r.nationalEquivalentUsed(),
                        r.scope(),
                        r.conformityBody(),
                        r.accreditationNumber(),
                        r.issued(),
                        r.expires(),
                        status,
                        r.registeredIn()));
        trail.record(
                "catalog.conformity-result.status",
                "conformity-result",
                id,
                Phrase.of(
                        "trail.detail.conformity-result.status",
                        Phrase.term("recognition.kind." + r.kind()),
                        r.framework(),
                        status));
        return conformityResult(id);
    }

    @Transactional
    public Recorded<Accreditation> recordAccreditation(Accreditation accreditation, Provenance provenance) {
        String id = UUID.randomUUID().toString();
        recognition.insert(id, RecognitionRecords.ACCREDITATION, accreditation, provenance, null);
        trail.record(
                "catalog.accreditation.recorded",
                "accreditation",
                id,
                Phrase.of(
                        "trail.detail.accredited-by",
                        accreditation.conformityBody(),
                        accreditation.accreditationBody()));
        return accreditations().stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Where one of the organisation's conformity results is recognisable today, and why (not). */
    public List<RecognitionVerdict> recognitionOf(String resultId) {
        ConformityResult result = conformityResult(resultId).record();
        // Rows no reviewer confirmed are named in every verdict that rests on them, and such a
        // verdict counts for nothing (RecognitionVerdict.Outcome.UNVERIFIED).
        java.util.Map<Object, String> unverified = new java.util.IdentityHashMap<>();
        List<AcceptanceRule> rules = sourced(acceptanceRules(), "acceptance rule", r -> r.key(), unverified);
        List<Accreditation> accreditationRows = sourced(
                accreditations(),
                "accreditation",
                a -> a.conformityBody() + " by " + a.accreditationBody(),
                unverified);
        List<Arrangement> arrangementRows =
                sourced(arrangements(), "arrangement", a -> a.body() + " in the " + a.arrangement(), unverified);
        List<RecognitionEvaluator.IdenticalAdoption> identical = new ArrayList<>();
        for (Adoption a : adoptions.findAll()) {
            if (a.degree() != AdoptionDegree.IDT) {
                continue;
            }
            RecognitionEvaluator.IdenticalAdoption row = new RecognitionEvaluator.IdenticalAdoption(
                    a.country(), a.baseKey(), a.baseEdition(), a.nationalId());
            if (!a.provenance().verified()) {
                unverified.put(
                        row,
                        "national adoption " + a.nationalId() + " ("
                                + a.provenance().tag().meaning() + ")");
            }
            identical.add(row);
        }
        RecognitionEvaluator evaluator =
                new RecognitionEvaluator(rules, accreditationRows, arrangementRows, identical, unverified);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return markets.findAll().stream()
                .map(m -> evaluator.evaluate(result, m.code(), today))
                .toList();
    }

    private static <T> List<T> sourced(
            List<Recorded<T>> recorded,
            String kind,
            java.util.function.Function<T, String> name,
            java.util.Map<Object, String> unverified) {
        List<T> rows = new ArrayList<>(recorded.size());
        for (Recorded<T> r : recorded) {
            if (!r.provenance().verified()) {
                unverified.put(
                        r.record(),
                        kind + " " + name.apply(r.record()) + " ("
                                + r.provenance().tag().meaning() + ")");
            }
            rows.add(r.record());
        }
        return rows;
    }

    /** Imports a validated document in one transaction; any error leaves the catalog unchanged. */
    @Transactional
    public List<Framework> importDocument(LibraryDocument document, Locations locations, String format) {
        List<Framework> created = writer.importDocument(document, locations, null);
        for (Framework framework : created) {
            trail.record(
                    "catalog.framework.imported",
                    "framework",
                    framework.id(),
                    Phrase.of(
                            "trail.detail.framework-imported",
                            framework.label(),
                            format,
                            framework.requirementCount()));
        }
        if (created.isEmpty() && !document.mappings().isEmpty()) {
            trail.record(
                    "catalog.mappings.imported",
                    "mapping",
                    "-",
                    Phrase.of(
                            "trail.detail.mappings-imported",
                            document.mappings().size(),
                            format));
        }
        return created;
    }

    /** A profile: a checklist that selects requirements of an existing framework. */
    @Transactional
    public Framework importProfile(LibraryDocument document, String baseFrameworkId, String format) {
        framework(baseFrameworkId);
        List<Framework> created = writer.importDocument(document, Locations.YAML, baseFrameworkId);
        Framework profile = created.get(0);
        trail.record(
                "catalog.framework.imported",
                "framework",
                profile.id(),
                Phrase.of("trail.detail.profile-imported", profile.label(), baseFrameworkId, format));
        return profile;
    }

    /**
     * A row the organisation records itself (its own certificate, a body's accreditation it copied
     * from the certificate): the person recording it is its reviewer, today.
     */
    public Provenance recordedHere() {
        return Provenance.reviewed(
                ProvenanceTag.P, "recorded by the organisation", Tenancy.actor().name(), today());
    }

    /**
     * A partial edit: a null argument keeps what the requirement has. {@code verified} true records
     * the signed-in person's review today against {@code source} (or the source the row has), false
     * withdraws a review; a review needs a citable source, or the edit is refused and nothing changes.
     */
    @Transactional
    public Requirement editRequirement(
            String id, String titleEn, String titleZh, Set<EvidenceType> evidence, Boolean verified, String source) {
        Requirement before = requirement(id);
        String title = titleEn == null ? before.titleEn() : titleEn.strip();
        Provenance provenance = reviewed(before.provenance(), verified, source);
        frameworks.editRequirement(
                id,
                title,
                titleZh == null ? before.titleZh() : titleZh.strip(),
                evidence == null ? before.evidenceTypes() : evidence,
                provenance);
        writer.touched();
        trail.record("catalog.requirement.edited", "requirement", id, before.refId() + ": " + title);
        if (provenance.review() != null && !provenance.equals(before.provenance())) {
            trail.record(
                    "catalog.requirement.reviewed",
                    "requirement",
                    id,
                    Phrase.of("trail.detail.requirement-reviewed", before.refId(), provenance.source()));
        }
        return requirement(id);
    }

    private Provenance reviewed(Provenance before, Boolean verified, String source) {
        Provenance withSource = source == null ? before : new Provenance(before.tag(), source, before.review());
        if (verified == null) {
            return withSource.equals(before) ? before : Provenance.of(before.tag(), withSource.source());
        }
        if (!verified) {
            return Provenance.of(before.tag(), withSource.source());
        }
        String why = withSource.whyNotReviewable();
        if (why != null) {
            throw new InvalidInputException("verified", "cannot record a review: " + why);
        }
        return Provenance.reviewed(
                withSource.tag(), withSource.source(), Tenancy.actor().name(), today());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
