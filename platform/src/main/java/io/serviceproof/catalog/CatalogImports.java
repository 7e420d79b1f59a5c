package io.serviceproof.catalog;

import io.serviceproof.catalog.exchange.LibraryDocument;
import io.serviceproof.catalog.exchange.LibraryYaml;
import io.serviceproof.catalog.exchange.Locations;
import io.serviceproof.catalog.exchange.OscalCatalogs;
import io.serviceproof.catalog.exchange.OscalMappings;
import io.serviceproof.catalog.exchange.RejectedDocumentException;
import io.serviceproof.catalog.exchange.Spreadsheets;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Turns an uploaded file into catalog rows, whatever its format: OSCAL catalog or profile JSON, our
 * YAML, XLSX or CSV (frameworks), OSCAL mapping collections (crosswalks). A file is checked whole
 * first; a rejected file changes nothing.
 */
@Service
public class CatalogImports {

    public enum Format {
        OSCAL,
        YAML,
        XLSX,
        CSV;

        /** By file name, for uploads; JSON means OSCAL. */
        public static Optional<Format> ofFilename(String filename) {
            String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
            if (name.endsWith(".json")) {
                return Optional.of(OSCAL);
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return Optional.of(YAML);
            }
            if (name.endsWith(".xlsx")) {
                return Optional.of(XLSX);
            }
            if (name.endsWith(".csv")) {
                return Optional.of(CSV);
            }
            return Optional.empty();
        }
    }

    private final Catalog catalog;
    private final Frameworks frameworks;

    CatalogImports(Catalog catalog, Frameworks frameworks) {
        this.catalog = catalog;
        this.frameworks = frameworks;
    }

    /**
     * Imports one framework. {@code fields} carry what a spreadsheet or form adds (name, edition,
     * key, kind); {@code baseFrameworkId} names the catalog an OSCAL profile selects from when its
     * import href does not.
     */
    public Framework importFramework(
            byte[] content, Format format, Map<String, String> fields, String baseFrameworkId) {
        // Parsing and validation run outside any transaction: on SQLite a transaction holds the one
        // write lock, and a slow or hostile document must not stop every other tenant's writes.
        if (content.length == 0) {
            throw new RejectedDocumentException("file", "the file is empty");
        }
        return switch (format) {
            case OSCAL -> importOscal(new String(content, StandardCharsets.UTF_8), baseFrameworkId);
            case YAML -> importOne(LibraryYaml.read(new ByteArrayInputStream(content)), "YAML");
            case XLSX ->
                importOne(
                        LibraryDocument.ofFrameworks(
                                List.of(Spreadsheets.readXlsx(new ByteArrayInputStream(content), fields))),
                        "XLSX");
            case CSV ->
                importOne(
                        LibraryDocument.ofFrameworks(
                                List.of(Spreadsheets.readCsv(new ByteArrayInputStream(content), fields))),
                        "CSV");
        };
    }

    /** Writes a parsed document holding exactly one framework, in one short transaction. */
    private Framework importOne(LibraryDocument document, String format) {
        int count = document.frameworks() == null ? 0 : document.frameworks().size();
        if (count != 1) {
            throw new RejectedDocumentException(
                    "frameworks", "this endpoint imports exactly one framework (found " + count + ")");
        }
        return catalog.importDocument(document, Locations.YAML, format).get(0);
    }

    private Framework importOscal(String json, String baseFrameworkId) {
        String head = json.stripLeading();
        if (head.contains("\"profile\"") && !head.contains("\"catalog\"")) {
            return importProfile(json, baseFrameworkId);
        }
        LibraryDocument.FrameworkEntry entry = OscalCatalogs.readCatalog(json);
        return importOne(LibraryDocument.ofFrameworks(List.of(entry)), "OSCAL");
    }

    /**
     * A profile becomes a checklist framework holding the selected requirements of its base, each
     * mapped equal-to (confirmed) onto the base requirement it selects.
     */
    private Framework importProfile(String json, String baseFrameworkId) {
        OscalCatalogs.ProfileSelection selection = OscalCatalogs.readProfile(json);
        Framework base = Optional.ofNullable(baseFrameworkId)
                .map(catalog::framework)
                .or(() -> frameworkByHref(selection.href()))
                .orElseThrow(() -> new RejectedDocumentException(
                        "#/profile/imports/0/href",
                        "'" + selection.href() + "' is not a framework in the catalog; pass ?base=<framework id>"));
        List<Requirement> baseRequirements = frameworks.requirements(base.id());
        List<LibraryDocument.RequirementEntry> selected = new ArrayList<>();
        List<LibraryDocument.MappingEntry> mappings = new ArrayList<>();
        String key = selection.props().getOrDefault("key", OscalCatalogs.slug(selection.title()));
        String edition = selection.props().getOrDefault("edition", selection.version());
        List<io.serviceproof.catalog.exchange.DocumentError> errors = new ArrayList<>();
        for (int i = 0; i < selection.controlIds().size(); i++) {
            String id = selection.controlIds().get(i);
            Optional<Requirement> match = baseRequirements.stream()
                    .filter(r -> r.refId().equals(id)
                            || OscalCatalogs.oscalId(r.refId()).equals(id))
                    .findFirst();
            if (match.isEmpty()) {
                errors.add(new io.serviceproof.catalog.exchange.DocumentError(
                        "#/profile/imports/0/include-controls (with-id " + id + ")",
                        "no requirement with this id in " + base.label()));
                continue;
            }
            Requirement r = match.get();
            selected.add(new LibraryDocument.RequirementEntry(
                    r.refId(),
                    null,
                    r.kind(),
                    r.titleEn(),
                    r.titleZh().isBlank() ? null : r.titleZh(),
                    r.evidenceTypes().stream().map(Enum::name).toList(),
                    null));
            mappings.add(new LibraryDocument.MappingEntry(
                    key + "@" + edition + "#" + r.refId(),
                    base.reference() + "#" + r.refId(),
                    "equal-to",
                    "syntactic",
                    10,
                    "high",
                    "confirmed",
                    "automation",
                    "Selected by the OSCAL profile",
                    LibraryDocument.ProvenanceEntry.unreviewed("S", "OSCAL profile import")));
        }
        if (!errors.isEmpty()) {
            throw new RejectedDocumentException(errors);
        }
        LibraryDocument document = new LibraryDocument(
                LibraryDocument.FORMAT,
                null,
                null,
                List.of(new LibraryDocument.FrameworkEntry(
                        key,
                        selection.title(),
                        edition,
                        selection.props().getOrDefault("kind", "checklist"),
                        selection.props().getOrDefault("publisher", ""),
                        selection.props().getOrDefault("jurisdiction", ""),
                        "current",
                        "Profile of " + base.label(),
                        LibraryDocument.ProvenanceEntry.unreviewed(
                                selection.props().getOrDefault("provenance", "S"), "OSCAL profile import"),
                        selected)),
                null,
                mappings,
                null,
                null);
        return catalog.importProfile(document, base.id(), "OSCAL profile");
    }

    /**
     * Imports an OSCAL mapping collection between frameworks already in the catalog (parsed outside
     * any transaction, written in the catalog's).
     */
    public int importMappings(byte[] content) {
        List<LibraryDocument.MappingEntry> entries = OscalMappings.read(
                new String(content, StandardCharsets.UTF_8),
                href -> frameworkByHref(href).map(Framework::reference));
        catalog.importDocument(
                new LibraryDocument(LibraryDocument.FORMAT, null, null, null, null, entries, null, null),
                Locations.MAPPING_COLLECTION,
                "OSCAL mapping collection");
        return entries.size();
    }

    private Optional<Framework> frameworkByHref(String href) {
        String uuid = href.startsWith("urn:uuid:") ? href.substring("urn:uuid:".length()) : href.replace("#", "");
        return frameworks.findAll().stream()
                .filter(f -> f.oscalUuid().equals(uuid) || f.reference().equals(href))
                .findFirst();
    }
}
