package io.serviceproof.catalog;

import io.serviceproof.catalog.exchange.DocumentError;
import io.serviceproof.catalog.exchange.LibraryDocument;
import io.serviceproof.catalog.exchange.LibraryDocument.AdoptionEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.FrameworkEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.MappingEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.MarketEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.ProvenanceEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.RecognitionEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.RequirementEntry;
import io.serviceproof.catalog.exchange.LibraryValidator;
import io.serviceproof.catalog.exchange.Locations;
import io.serviceproof.catalog.exchange.OscalCatalogs;
import io.serviceproof.catalog.exchange.RejectedDocumentException;
import io.serviceproof.catalog.recognition.AcceptanceRule;
import io.serviceproof.catalog.recognition.Arrangement;
import io.serviceproof.catalog.recognition.G2gMra;
import io.serviceproof.common.ConflictException;
import io.serviceproof.identity.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import org.springframework.stereotype.Component;

/**
 * Stores validated library documents: user imports (all or nothing; a framework edition that is
 * already there is a conflict) and starter-library releases (which update only rows nobody edited).
 * Callers own the transaction.
 */
@Component
class CatalogWriter {

    static final String ORIGIN_LIBRARY = "library";
    static final String ORIGIN_IMPORT = "import";

    private final Frameworks frameworks;
    private final Mappings mappings;
    private final Adoptions adoptions;
    private final Markets markets;
    private final RecognitionRecords recognition;
    private final CatalogState state;
    private final Clock clock;

    CatalogWriter(
            Frameworks frameworks,
            Mappings mappings,
            Adoptions adoptions,
            Markets markets,
            RecognitionRecords recognition,
            CatalogState state,
            Clock clock) {
        this.frameworks = frameworks;
        this.mappings = mappings;
        this.adoptions = adoptions;
        this.markets = markets;
        this.recognition = recognition;
        this.state = state;
        this.clock = clock;
    }

    /** A user's import: every framework must be new; every mapping must resolve. */
    List<Framework> importDocument(LibraryDocument document, Locations locations, String baseFrameworkId) {
        LibraryValidator.requireValid(document, locations);
        Instant now = clock.instant();
        List<Framework> created = new ArrayList<>();
        for (int f = 0; f < document.frameworks().size(); f++) {
            FrameworkEntry entry = document.frameworks().get(f);
            frameworks.findByReference(entry.key(), entry.edition()).ifPresent(existing -> {
                throw new ConflictException("The catalog already has " + existing.name() + " edition "
                        + existing.edition() + " (" + existing.key() + "@" + existing.edition()
                        + "); import the file as a new edition or under another key");
            });
            created.add(insertFramework(entry, ORIGIN_IMPORT, null, baseFrameworkId, now));
        }
        insertMappings(document.mappings(), locations, null, now);
        for (int a = 0; a < document.adoptions().size(); a++) {
            adoptions.insert(adoption(document.adoptions().get(a)), null);
        }
        for (MarketEntry market : document.markets()) {
            if (markets.findByCode(market.code()).isPresent()) {
                throw new ConflictException("The catalog already has a market " + market.code());
            }
            insertMarket(market, null);
        }
        for (RecognitionEntry entry : document.recognition()) {
            insertRecognition(entry, null);
        }
        state.bump();
        return created;
    }

    /**
     * Installs or upgrades the starter library. Rows keep a library key; rows edited locally are
     * never overwritten or removed, rows nobody touched follow the new release.
     */
    void installLibrary(LibraryDocument library, String version) {
        Instant now = clock.instant();
        for (FrameworkEntry entry : library.frameworks()) {
            Optional<Framework> existing = frameworks.findByLibraryKey(entry.reference());
            if (existing.isEmpty()) {
                if (frameworks.findByReference(entry.key(), entry.edition()).isEmpty()) {
                    insertFramework(entry, ORIGIN_LIBRARY, entry.reference(), null, now);
                }
                continue;
            }
            upgradeFramework(existing.get(), entry);
        }
        mappings.deleteUnmodifiedLibraryRows();
        Set<String> keptMappings = new HashSet<>(mappings.libraryKeys());
        insertMappings(
                library.mappings().stream()
                        .filter(m -> !keptMappings.contains(mappingKey(m)))
                        .toList(),
                Locations.YAML,
                ORIGIN_LIBRARY,
                now);

        adoptions.deleteUnmodifiedLibraryRows();
        Set<String> keptAdoptions = new HashSet<>(adoptions.libraryKeys());
        for (AdoptionEntry entry : library.adoptions()) {
            String key = entry.nationalId() + "=" + entry.base();
            if (!keptAdoptions.contains(key)) {
                adoptions.insert(adoption(entry), key);
            }
        }

        markets.deleteUnmodifiedLibraryRows();
        Set<String> keptMarkets = new HashSet<>(markets.libraryKeys());
        for (MarketEntry entry : library.markets()) {
            if (!keptMarkets.contains(entry.code())
                    && markets.findByCode(entry.code()).isEmpty()) {
                insertMarket(entry, entry.code());
            }
        }

        recognition.deleteUnmodifiedLibraryRows();
        Set<String> keptRecognition = new HashSet<>(recognition.libraryKeys());
        for (RecognitionEntry entry : library.recognition()) {
            if (!keptRecognition.contains(entry.key())) {
                insertRecognition(entry, entry.key());
            }
        }
        state.recordLibrary(version);
    }

    /** Frameworks or requirements changed outside an import: search indexes must rebuild. */
    void touched() {
        state.bump();
    }

    private void upgradeFramework(Framework existing, FrameworkEntry entry) {
        frameworks.updateFromLibrary(existing.id(), toFramework(entry, existing.id(), null, null, null));
        Map<String, Requirement> current = new HashMap<>();
        frameworks.requirements(existing.id()).forEach(r -> current.put(r.refId(), r));
        List<Requirement> added = new ArrayList<>();
        Set<String> inRelease = new HashSet<>();
        for (int r = 0; r < entry.requirements().size(); r++) {
            RequirementEntry requirementEntry = entry.requirements().get(r);
            inRelease.add(requirementEntry.ref());
            Requirement requirement = toRequirement(requirementEntry, existing.id(), r, entry.provenance());
            Requirement old = current.get(requirementEntry.ref());
            if (old == null) {
                added.add(requirement);
            } else {
                frameworks.updateRequirementFromLibrary(old.id(), requirement);
            }
        }
        frameworks.insertRequirements(added);
        for (Requirement old : current.values()) {
            if (!inRelease.contains(old.refId()) && !old.locallyModified()) {
                frameworks.deleteRequirement(old.id());
            }
        }
    }

    private Framework insertFramework(
            FrameworkEntry entry, String origin, String libraryKey, String baseFrameworkId, Instant now) {
        String id = UUID.randomUUID().toString();
        Framework framework = toFramework(
                entry, id, origin, baseFrameworkId, UUID.randomUUID().toString());
        frameworks.insert(framework, libraryKey, now);
        List<Requirement> requirements = new ArrayList<>();
        for (int r = 0; r < entry.requirements().size(); r++) {
            requirements.add(toRequirement(entry.requirements().get(r), id, r, entry.provenance()));
        }
        frameworks.insertRequirements(requirements);
        return frameworks.findById(id).orElseThrow();
    }

    private void insertMappings(List<MappingEntry> entries, Locations locations, String origin, Instant now) {
        List<DocumentError> errors = new ArrayList<>();
        List<Mappings.Row> rows = new ArrayList<>();
        if (entries.isEmpty()) {
            return;
        }
        // One read of each framework's requirements and of the existing pairs, however many maps.
        Map<String, Map<String, String>> requirementIds = new HashMap<>();
        Set<String> pairs = new HashSet<>();
        mappings.findAll().forEach(m -> pairs.add(pairKey(m.sourceId(), m.targetId())));
        for (int m = 0; m < entries.size(); m++) {
            MappingEntry entry = entries.get(m);
            Optional<String> source = resolve(entry.source(), requirementIds);
            Optional<String> target = resolve(entry.target(), requirementIds);
            if (source.isEmpty()) {
                errors.add(new DocumentError(locations.mapping(m, "source"), notFound(entry.source())));
            }
            if (target.isEmpty()) {
                errors.add(new DocumentError(locations.mapping(m, "target"), notFound(entry.target())));
            }
            if (source.isEmpty() || target.isEmpty()) {
                continue;
            }
            if (source.get().equals(target.get())) {
                errors.add(new DocumentError(locations.mapping(m, "target"), "a requirement cannot map to itself"));
                continue;
            }
            if (!pairs.add(pairKey(source.get(), target.get()))) {
                if (ORIGIN_LIBRARY.equals(origin)) {
                    continue; // a local mapping between the same pair wins over the library's
                }
                errors.add(new DocumentError(
                        locations.mapping(m, "target"),
                        "a mapping between " + entry.source() + " and " + entry.target() + " already exists"));
                continue;
            }
            Provenance provenance = provenance(entry.provenance());
            MappingStatus status =
                    entry.status() == null ? MappingStatus.PROPOSED : MappingStatus.fromToken(entry.status());
            if (ORIGIN_LIBRARY.equals(origin) && status == MappingStatus.CONFIRMED && !provenance.verified()) {
                // Shipped, unreviewed: an offer until a person confirms it, never counted by default.
                status = MappingStatus.PROPOSED;
            }
            rows.add(new Mappings.Row(
                    new Mapping(
                            UUID.randomUUID().toString(),
                            source.get(),
                            target.get(),
                            Relationship.fromToken(entry.relationship()),
                            Rationale.fromToken(entry.rationale()),
                            entry.strength(),
                            entry.confidence() == null
                                    ? Confidence.UNSPECIFIED
                                    : Confidence.fromToken(entry.confidence()),
                            status,
                            entry.method() == null ? "human" : entry.method(),
                            entry.note() == null ? "" : entry.note(),
                            provenance,
                            false,
                            now,
                            ORIGIN_LIBRARY.equals(origin)
                                    ? "library"
                                    : Tenancy.actor().name()),
                    ORIGIN_LIBRARY.equals(origin) ? mappingKey(entry) : null));
        }
        if (!errors.isEmpty()) {
            throw new RejectedDocumentException(errors);
        }
        mappings.insert(rows);
    }

    /** The requirement id for key@edition#ref; ref may also be the requirement's OSCAL id. */
    private Optional<String> resolve(String reference, Map<String, Map<String, String>> requirementIds) {
        Matcher matcher = LibraryValidator.REQUIREMENT_REFERENCE.matcher(reference);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> byRef = requirementIds.computeIfAbsent(
                matcher.group(1) + "@" + matcher.group(2),
                framework -> frameworks
                        .findByReference(matcher.group(1), matcher.group(2))
                        .map(f -> {
                            Map<String, String> ids = new HashMap<>();
                            for (Requirement r : frameworks.requirements(f.id())) {
                                ids.putIfAbsent(OscalCatalogs.oscalId(r.refId()), r.id());
                                ids.put(r.refId(), r.id());
                            }
                            return ids;
                        })
                        .orElse(Map.of()));
        return Optional.ofNullable(byRef.get(matcher.group(3)));
    }

    private static String notFound(String reference) {
        return "no requirement " + reference + " in this document or the catalog";
    }

    private void insertMarket(MarketEntry entry, String libraryKey) {
        String id = UUID.randomUUID().toString();
        markets.insert(
                new Market(
                        id,
                        entry.code(),
                        entry.name(),
                        entry.zh() == null ? entry.name() : entry.zh(),
                        entry.languages(),
                        nullToEmpty(entry.standardsBody()),
                        nullToEmpty(entry.accreditationBody()),
                        entry.reliesOn(),
                        nullToEmpty(entry.notes()),
                        nullToEmpty(entry.notCovered()),
                        provenance(entry.provenance())),
                libraryKey);
        for (LibraryDocument.MarketRuleEntry rule : entry.rules()) {
            String[] framework = rule.framework().split("@", 2);
            markets.insertRule(
                    new MarketRule(
                            UUID.randomUUID().toString(),
                            id,
                            framework[0],
                            framework[1],
                            rule.requirement(),
                            rule.basis(),
                            rule.reason(),
                            nullToEmpty(rule.zh()),
                            provenance(rule.provenance())),
                    libraryKey == null ? null : libraryKey + ":" + rule.framework());
        }
    }

    private void insertRecognition(RecognitionEntry entry, String libraryKey) {
        Object record = switch (entry.type()) {
            case RecognitionRecords.ARRANGEMENT ->
                new Arrangement(
                        entry.key(),
                        entry.body(),
                        entry.country(),
                        entry.arrangement(),
                        entry.level(),
                        entry.scope(),
                        entry.status());
            case RecognitionRecords.G2G_MRA ->
                new G2gMra(
                        entry.key(),
                        entry.name(),
                        entry.parties(),
                        entry.sector(),
                        entry.covers(),
                        entry.recognisedOn(),
                        entry.status(),
                        entry.note());
            default ->
                new AcceptanceRule(
                        entry.key(),
                        entry.market(),
                        entry.framework(),
                        entry.accepts(),
                        Boolean.TRUE.equals(entry.requiresAccreditation()),
                        entry.requiresArrangement(),
                        entry.requiresLevel(),
                        Boolean.TRUE.equals(entry.requiresNationalAdoption()),
                        Boolean.TRUE.equals(entry.requiresLocalRegistration()),
                        entry.note());
        };
        recognition.insert(
                UUID.randomUUID().toString(), entry.type(), record, provenance(entry.provenance()), libraryKey);
    }

    private static Adoption adoption(AdoptionEntry entry) {
        String[] base = entry.base().split("@", 2);
        String[] national = entry.national() == null
                ? new String[] {null, null}
                : entry.national().split("@", 2);
        return new Adoption(
                UUID.randomUUID().toString(),
                entry.nationalId(),
                entry.country(),
                base[0],
                base[1],
                AdoptionDegree.valueOf(entry.degree().trim()),
                nullToEmpty(entry.deviations()),
                entry.issued(),
                entry.effective(),
                entry.status(),
                national[0],
                national[1],
                provenance(entry.provenance()));
    }

    private static Framework toFramework(
            FrameworkEntry entry, String id, String origin, String baseFrameworkId, String oscalUuid) {
        return new Framework(
                id,
                entry.key(),
                entry.name().strip(),
                entry.edition(),
                FrameworkKind.fromToken(entry.kind()),
                nullToEmpty(entry.publisher()),
                nullToEmpty(entry.jurisdiction()),
                entry.status() == null ? "current" : entry.status(),
                nullToEmpty(entry.summary()),
                oscalUuid,
                baseFrameworkId,
                provenance(entry.provenance()),
                origin,
                false,
                entry.requirements().size());
    }

    private static Requirement toRequirement(
            RequirementEntry entry, String frameworkId, int position, ProvenanceEntry inherited) {
        Set<EvidenceType> evidence = EnumSet.noneOf(EvidenceType.class);
        entry.evidence().forEach(e -> evidence.add(EvidenceType.valueOf(e.trim())));
        ProvenanceEntry own = entry.provenance();
        // A row inherits its framework's source; its own tag (e.g. [M]) overrides the verification.
        Provenance provenance = own == null
                ? provenance(inherited)
                : provenance(new ProvenanceEntry(
                        own.tag(),
                        own.source() != null ? own.source() : inherited.source(),
                        null,
                        own.reviewedBy(),
                        own.reviewedOn()));
        return new Requirement(
                UUID.randomUUID().toString(),
                frameworkId,
                entry.ref(),
                entry.parent() == null || entry.parent().isBlank() ? null : entry.parent(),
                entry.title().strip(),
                entry.zh() == null ? "" : entry.zh().strip(),
                entry.kind() == null || entry.kind().isBlank() ? "requirement" : entry.kind(),
                position,
                evidence,
                provenance,
                false);
    }

    /**
     * A document's provenance as stored: its review only when it names both reviewer and date (the
     * validator has already refused a half-recorded review); a bare {@code verified: true} counts
     * for nothing.
     */
    static Provenance provenance(ProvenanceEntry entry) {
        ProvenanceTag tag = ProvenanceTag.valueOf(entry.tag().trim());
        if (entry.reviewedBy() == null || entry.reviewedBy().isBlank() || entry.reviewedOn() == null) {
            return Provenance.of(tag, entry.source());
        }
        return Provenance.reviewed(
                tag,
                entry.source(),
                entry.reviewedBy(),
                LocalDate.parse(entry.reviewedOn().strip()));
    }

    static String mappingKey(MappingEntry entry) {
        return entry.source() + "->" + entry.target();
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
