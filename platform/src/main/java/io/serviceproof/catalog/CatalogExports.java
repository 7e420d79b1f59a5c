package io.serviceproof.catalog;

import io.serviceproof.catalog.exchange.LibraryDocument;
import io.serviceproof.catalog.exchange.LibraryYaml;
import io.serviceproof.catalog.exchange.OscalCatalogs;
import io.serviceproof.catalog.exchange.OscalMappings;
import io.serviceproof.catalog.exchange.Spreadsheets;
import io.serviceproof.common.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Frameworks and crosswalks as files: a framework as OSCAL catalog (or profile, when it selects from
 * a base framework), YAML, XLSX or CSV; the mappings between two frameworks as an OSCAL 1.2 mapping
 * collection.
 */
@Service
public class CatalogExports {

    /** A file ready to download. */
    public record ExportedFile(byte[] content, String filename, String mediaType) {}

    private final Catalog catalog;
    private final Frameworks frameworks;
    private final Mappings mappings;
    private final Clock clock;

    CatalogExports(Catalog catalog, Frameworks frameworks, Mappings mappings, Clock clock) {
        this.catalog = catalog;
        this.frameworks = frameworks;
        this.mappings = mappings;
        this.clock = clock;
    }

    public ExportedFile framework(String frameworkId, String format) {
        Framework framework = catalog.framework(frameworkId);
        LibraryDocument document = document(framework);
        LibraryDocument.FrameworkEntry entry = document.frameworks().get(0);
        String name = framework.key() + "-" + framework.edition();
        return switch (format) {
            case "oscal" -> new ExportedFile(utf8(oscal(framework, entry)), name + ".json", "application/json");
            case "yaml" -> new ExportedFile(utf8(LibraryYaml.toString(document)), name + ".yaml", "application/yaml");
            case "xlsx" ->
                new ExportedFile(
                        Spreadsheets.writeXlsx(entry),
                        name + ".xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            case "csv" -> new ExportedFile(utf8(Spreadsheets.writeCsv(entry)), name + ".csv", "text/csv");
            default -> throw new InvalidInputException("format", "use oscal, yaml, xlsx or csv");
        };
    }

    public ExportedFile mappings(String sourceFrameworkId, String targetFrameworkId) {
        Framework source = catalog.framework(sourceFrameworkId);
        Framework target = catalog.framework(targetFrameworkId);
        String json = OscalMappings.write(
                source.label() + " to " + target.label(),
                source.reference(),
                source.oscalUuid(),
                target.reference(),
                target.oscalUuid(),
                mappingEntries(source, target),
                now());
        return new ExportedFile(
                utf8(json), source.key() + "-to-" + target.key() + "-mappings.json", "application/json");
    }

    private String oscal(Framework framework, LibraryDocument.FrameworkEntry entry) {
        if (framework.baseFrameworkId() == null) {
            return OscalCatalogs.writeCatalog(entry, framework.oscalUuid(), now());
        }
        Framework base = catalog.framework(framework.baseFrameworkId());
        return OscalCatalogs.writeProfile(
                entry,
                framework.oscalUuid(),
                base.oscalUuid(),
                entry.requirements().stream()
                        .map(LibraryDocument.RequirementEntry::ref)
                        .toList(),
                now());
    }

    /** The framework as a library document (its requirements only). */
    private LibraryDocument document(Framework framework) {
        List<LibraryDocument.RequirementEntry> entries = frameworks.requirements(framework.id()).stream()
                .map(r -> new LibraryDocument.RequirementEntry(
                        r.refId(),
                        r.parentRef(),
                        r.kind(),
                        r.titleEn(),
                        r.titleZh().isBlank() ? null : r.titleZh(),
                        r.evidenceTypes().stream().map(Enum::name).toList(),
                        r.provenance().equals(framework.provenance()) ? null : provenance(r.provenance())))
                .toList();
        return LibraryDocument.ofFrameworks(List.of(new LibraryDocument.FrameworkEntry(
                framework.key(),
                framework.name(),
                framework.edition(),
                framework.kind().token(),
                framework.publisher(),
                framework.jurisdiction(),
                framework.status(),
                framework.summary(),
                provenance(framework.provenance()),
                entries)));
    }

    /** Mappings between the two frameworks in either direction, stated from source to target. */
    private List<LibraryDocument.MappingEntry> mappingEntries(Framework source, Framework target) {
        List<LibraryDocument.MappingEntry> entries = new ArrayList<>();
        for (MappingView view : catalog.views(mappings.findAll())) {
            boolean forward = view.sourceFramework().id().equals(source.id())
                    && view.targetFramework().id().equals(target.id());
            boolean backward = view.sourceFramework().id().equals(target.id())
                    && view.targetFramework().id().equals(source.id());
            if (!forward && !backward) {
                continue;
            }
            Mapping m = view.mapping();
            Requirement from = forward ? view.source() : view.target();
            Requirement to = forward ? view.target() : view.source();
            entries.add(new LibraryDocument.MappingEntry(
                    source.reference() + "#" + from.refId(),
                    target.reference() + "#" + to.refId(),
                    (forward ? m.relationship() : m.relationship().inverse()).token(),
                    m.rationale().token(),
                    m.strength(),
                    m.confidence().token(),
                    m.status().token(),
                    m.method(),
                    m.note(),
                    provenance(m.provenance())));
        }
        return entries;
    }

    private static LibraryDocument.ProvenanceEntry provenance(Provenance provenance) {
        return new LibraryDocument.ProvenanceEntry(
                provenance.tag().name(),
                provenance.source(),
                provenance.verified(),
                provenance.reviewer(),
                provenance.reviewedOn() == null ? null : provenance.reviewedOn().toString());
    }

    private ZonedDateTime now() {
        return clock.instant().atZone(ZoneOffset.UTC);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
