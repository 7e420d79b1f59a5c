package io.serviceproof.catalog.web;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.CatalogExports;
import io.serviceproof.catalog.CatalogImports;
import io.serviceproof.catalog.EditionDiff;
import io.serviceproof.catalog.EvidenceType;
import io.serviceproof.catalog.Framework;
import io.serviceproof.catalog.Requirement;
import io.serviceproof.catalog.crosswalk.CoverageMatrix;
import io.serviceproof.catalog.exchange.Spreadsheets;
import io.serviceproof.catalog.web.CatalogResponses.AdoptionResponse;
import io.serviceproof.catalog.web.CatalogResponses.FrameworkResponse;
import io.serviceproof.catalog.web.CatalogResponses.MappingResponse;
import io.serviceproof.catalog.web.CatalogResponses.RequirementResponse;
import io.serviceproof.common.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Catalog", description = "Frameworks, requirements, national adoptions and search")
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogApiController {

    /** The same as serviceproof.catalog.max-import-size's default, for uploads through the pages too. */
    static final long MAX_IMPORT_BYTES = 32L * 1024 * 1024;

    private final Catalog catalog;
    private final CatalogImports imports;
    private final CatalogExports exports;

    CatalogApiController(Catalog catalog, CatalogImports imports, CatalogExports exports) {
        this.catalog = catalog;
        this.imports = imports;
        this.exports = exports;
    }

    @Operation(summary = "List frameworks (standards, laws, policies, agreements, checklists)")
    @GetMapping("/frameworks")
    List<FrameworkResponse> frameworks() {
        return catalog.frameworks().stream().map(FrameworkResponse::of).toList();
    }

    @Operation(
            summary = "Import a framework from an OSCAL catalog or profile (JSON)",
            description = "An OSCAL profile selects requirements of a framework already in the catalog: its import"
                    + " href is urn:uuid:<the framework's OSCAL uuid>, or pass ?base=<framework id>.")
    @PostMapping(path = "/frameworks", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FrameworkResponse> importOscal(
            @RequestBody byte[] body, @RequestParam(name = "base", required = false) String base) {
        return created(imports.importFramework(body, CatalogImports.Format.OSCAL, Map.of(), base));
    }

    @Operation(summary = "Import a framework in the ServiceProof YAML library format")
    @PostMapping(
            path = "/frameworks",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml"})
    ResponseEntity<FrameworkResponse> importYaml(@RequestBody byte[] body) {
        return created(imports.importFramework(body, CatalogImports.Format.YAML, Map.of(), null));
    }

    @Operation(
            summary = "Import a framework from an uploaded file (XLSX, CSV, YAML or OSCAL JSON)",
            description = "Spreadsheets have the columns " + Spreadsheets.HEADER + "; the framework's name, edition,"
                    + " key and kind come from form fields or, in XLSX, a 'framework' sheet.")
    @PostMapping(path = "/frameworks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FrameworkResponse> importUpload(
            @RequestPart("file") MultipartFile file,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "edition", required = false) String edition,
            @RequestParam(name = "key", required = false) String key,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "base", required = false) String base) {
        CatalogImports.Format format = CatalogImports.Format.ofFilename(file.getOriginalFilename())
                .orElseThrow(() -> new InvalidInputException("file", "use a .xlsx, .csv, .yaml, .yml or .json file"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("edition", edition);
        fields.put("key", key);
        fields.put("kind", kind);
        return created(imports.importFramework(bytes(file), format, fields, base));
    }

    @Operation(summary = "Get one framework")
    @GetMapping("/frameworks/{id}")
    FrameworkResponse framework(@PathVariable String id) {
        return FrameworkResponse.of(catalog.framework(id));
    }

    @Operation(summary = "The framework's requirements in tree order")
    @GetMapping("/frameworks/{id}/requirements")
    List<RequirementResponse> requirements(@PathVariable String id) {
        return catalog.requirements(id).stream().map(RequirementResponse::of).toList();
    }

    @Operation(summary = "Export a framework as OSCAL catalog (or profile) JSON, YAML, XLSX or CSV")
    @GetMapping("/frameworks/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(defaultValue = "oscal") String format) {
        return file(exports.framework(id, format));
    }

    record DiffResponse(
            FrameworkResponse from,
            FrameworkResponse to,
            List<RequirementResponse> added,
            List<RequirementResponse> removed,
            List<Map<String, RequirementResponse>> retitled,
            List<Map<String, RequirementResponse>> moved,
            int unchanged) {}

    @Operation(summary = "What changed from another edition (matched by requirement id)")
    @GetMapping("/frameworks/{id}/diff")
    DiffResponse diff(@PathVariable String id, @RequestParam String from) {
        EditionDiff diff = catalog.diff(from, id);
        return new DiffResponse(
                FrameworkResponse.of(diff.from()),
                FrameworkResponse.of(diff.to()),
                diff.added().stream().map(RequirementResponse::of).toList(),
                diff.removed().stream().map(RequirementResponse::of).toList(),
                diff.retitled().stream().map(CatalogApiController::change).toList(),
                diff.moved().stream().map(CatalogApiController::change).toList(),
                diff.unchanged());
    }

    private static Map<String, RequirementResponse> change(EditionDiff.Change change) {
        return Map.of(
                "before", RequirementResponse.of(change.before()), "after", RequirementResponse.of(change.after()));
    }

    record CoverageRow(String requirementId, String ref, String coverage, List<Map<String, Object>> coveredBy) {}

    record CoverageResponse(
            String framework,
            String coveredBy,
            long full,
            long partial,
            long none,
            double share,
            List<CoverageRow> rows) {}

    @Operation(
            summary = "Coverage matrix: how far another framework covers this one",
            description = "Counts only confirmed mappings and identical national adoptions of the same edition.")
    @GetMapping("/frameworks/{id}/coverage")
    CoverageResponse coverage(@PathVariable String id, @RequestParam String by) {
        CoverageMatrix matrix = catalog.compare(id, by);
        Map<String, Requirement> requirements = new LinkedHashMap<>();
        catalog.requirements(id).forEach(r -> requirements.put(r.id(), r));
        catalog.requirements(by).forEach(r -> requirements.put(r.id(), r));
        List<CoverageRow> rows = matrix.rows().stream()
                .map(row -> new CoverageRow(
                        row.requirementId(),
                        requirements.get(row.requirementId()).refId(),
                        row.coverage().name().toLowerCase(),
                        row.links().stream()
                                .map(l -> Map.<String, Object>of(
                                        "requirementId", l.byId(),
                                        "ref", requirements.get(l.byId()).refId(),
                                        "relationship", l.byRelativeToCovered().token(),
                                        "coverage", l.coverage().name().toLowerCase(),
                                        "basis", l.basis()))
                                .toList()))
                .toList();
        return new CoverageResponse(
                catalog.framework(id).label(),
                catalog.framework(by).label(),
                matrix.count(io.serviceproof.catalog.crosswalk.Coverage.FULL),
                matrix.count(io.serviceproof.catalog.crosswalk.Coverage.PARTIAL),
                matrix.count(io.serviceproof.catalog.crosswalk.Coverage.NONE),
                matrix.coveredShare(),
                rows);
    }

    record RequirementDetail(
            RequirementResponse requirement,
            FrameworkResponse framework,
            List<MappingResponse> mappings,
            List<AdoptionResponse> adoptions,
            List<Map<String, String>> markets) {}

    @Operation(summary = "One requirement with its mappings, national adoptions and the markets that require it")
    @GetMapping("/requirements/{id}")
    RequirementDetail requirement(@PathVariable String id) {
        Requirement requirement = catalog.requirement(id);
        Framework framework = catalog.framework(requirement.frameworkId());
        return new RequirementDetail(
                RequirementResponse.of(requirement),
                FrameworkResponse.of(framework),
                catalog.mappingsOf(id).stream().map(MappingResponse::of).toList(),
                catalog.adoptionsOf(framework).stream()
                        .map(AdoptionResponse::of)
                        .toList(),
                catalog.marketsRequiring(framework, requirement).stream()
                        .map(m -> Map.of(
                                "market", m.market().code(),
                                "basis", m.rule().basis(),
                                "reason", m.rule().reasonEn()))
                        .toList());
    }

    /** Only the fields present change. */
    record EditRequirement(
            @Size(min = 1, max = 300) @jakarta.validation.constraints.Pattern(regexp = ".*\\S.*")
            String title,

            @Size(max = 300) String titleZh,
            List<EvidenceType> evidenceTypes,
            Boolean verified,
            @Size(max = 1000) String source) {}

    @Operation(
            summary = "Edit a requirement's titles or evidence types, or record your review of it (kept across"
                    + " library upgrades)",
            description = "verified: true records the signed-in person as reviewer, today, against source (a URL"
                    + " or document id; the row's own source when omitted); only a P, S or C source can be"
                    + " verified. verified: false withdraws the review. Changing the source withdraws it too.")
    @PatchMapping("/requirements/{id}")
    RequirementResponse edit(@PathVariable String id, @Valid @RequestBody EditRequirement edit) {
        Set<EvidenceType> evidence = null;
        if (edit.evidenceTypes() != null) {
            evidence = EnumSet.noneOf(EvidenceType.class);
            evidence.addAll(edit.evidenceTypes());
        }
        return RequirementResponse.of(
                catalog.editRequirement(id, edit.title(), edit.titleZh(), evidence, edit.verified(), edit.source()));
    }

    record SearchHit(RequirementResponse requirement, String framework, float score) {}

    @Operation(summary = "Ranked full-text search over requirement ids and titles, in English and Chinese")
    @GetMapping("/search")
    List<SearchHit> search(@RequestParam String q, @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", "must be 1 to 200");
        }
        return catalog.search(q, limit).stream()
                .map(h -> new SearchHit(
                        RequirementResponse.of(h.requirement()), h.framework().label(), h.score()))
                .toList();
    }

    @Operation(summary = "National adoptions (IDT, MOD, NEQ) of international standards")
    @GetMapping("/adoptions")
    List<AdoptionResponse> adoptions() {
        return catalog.adoptions().stream().map(AdoptionResponse::of).toList();
    }

    private static ResponseEntity<FrameworkResponse> created(Framework framework) {
        return ResponseEntity.created(URI.create("/api/v1/catalog/frameworks/" + framework.id()))
                .body(FrameworkResponse.of(framework));
    }

    static ResponseEntity<byte[]> file(CatalogExports.ExportedFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + file.filename().replace('"', '_') + "\"")
                .body(file.content());
    }

    /** Catalog files are read whole, so they keep a limit of their own below the evidence uploads'. */
    static byte[] bytes(MultipartFile file) {
        if (file.getSize() > MAX_IMPORT_BYTES) {
            throw new io.serviceproof.common.PayloadTooLargeException(
                    "Catalog files are limited to " + MAX_IMPORT_BYTES + " bytes.");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
