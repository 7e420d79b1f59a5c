package io.serviceproof.services.web;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.services.LayerTemplates;
import io.serviceproof.services.LayerVersion;
import io.serviceproof.services.Offering;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.ServiceLayer;
import io.serviceproof.services.content.ContentJson;
import io.serviceproof.services.content.ContentProblem;
import io.serviceproof.services.content.CrossBorderFlow;
import io.serviceproof.services.content.DataFlowSvg;
import io.serviceproof.services.content.LayerContent;
import io.serviceproof.services.content.OpenSlo;
import io.serviceproof.services.content.VersionDiff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Services", description = "Offerings, service layers, drafts and immutable published versions")
@RestController
@RequestMapping("/api/v1")
class ServicesApiController {

    private final Offerings offerings;
    private final LayerTemplates templates;

    ServicesApiController(Offerings offerings, LayerTemplates templates) {
        this.offerings = offerings;
        this.templates = templates;
    }

    record TemplateResponse(String key, String name, String zh, LayerContent content) {}

    @Operation(summary = "The built-in layer templates (domain reference §5) and what each proposes")
    @GetMapping("/layer-templates")
    List<TemplateResponse> templates() {
        return templates.all().stream()
                .map(t -> new TemplateResponse(t.key(), t.name(), t.zh(), t.content()))
                .toList();
    }

    @Operation(summary = "List offerings")
    @GetMapping("/offerings")
    List<Offering> offerings() {
        return offerings.offerings();
    }

    record NewOffering(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @Size(max = 1000) String hardware,
            List<String> markets) {}

    @Operation(summary = "Create an offering: a hardware + services bundle and the markets it is sold into")
    @PostMapping("/offerings")
    ResponseEntity<Offering> create(@Valid @RequestBody NewOffering request) {
        Offering offering =
                offerings.createOffering(request.name(), request.description(), request.hardware(), request.markets());
        return ResponseEntity.created(URI.create("/api/v1/offerings/" + offering.id()))
                .body(offering);
    }

    record LayerSummary(String id, String code, String name, String template, int latestVersion) {
        static LayerSummary of(ServiceLayer layer) {
            return new LayerSummary(layer.id(), layer.code(), layer.name(), layer.template(), layer.latestVersion());
        }
    }

    record OfferingDetail(Offering offering, List<LayerSummary> layers) {}

    @Operation(summary = "One offering with its layers")
    @GetMapping("/offerings/{id}")
    OfferingDetail offering(@PathVariable String id) {
        return new OfferingDetail(
                offerings.offering(id),
                offerings.layers(id).stream().map(LayerSummary::of).toList());
    }

    record NewLayer(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 63) String code,
            String template,
            String ownerId) {}

    @Operation(summary = "Add a layer to an offering; its first draft is the template's proposal")
    @PostMapping("/offerings/{id}/layers")
    ResponseEntity<LayerResponse> addLayer(@PathVariable String id, @Valid @RequestBody NewLayer request) {
        ServiceLayer layer =
                offerings.createLayer(id, request.name(), request.code(), request.template(), request.ownerId());
        return ResponseEntity.created(URI.create("/api/v1/layers/" + layer.id()))
                .body(response(layer));
    }

    record VersionSummary(int version, String sha256, Instant publishedAt, String publishedBy, long ledgerIndex) {
        static VersionSummary of(LayerVersion v) {
            return new VersionSummary(v.version(), v.sha256(), v.publishedAt(), v.publishedBy(), v.ledgerIndex());
        }
    }

    record LayerResponse(
            String id,
            String offeringId,
            String code,
            String name,
            String template,
            String ownerId,
            int latestVersion,
            LayerContent draft,
            Instant draftUpdatedAt,
            String draftUpdatedBy,
            List<ContentProblem> draftProblems,
            List<VersionSummary> versions) {}

    private LayerResponse response(ServiceLayer layer) {
        return new LayerResponse(
                layer.id(),
                layer.offeringId(),
                layer.code(),
                layer.name(),
                layer.template(),
                layer.ownerId(),
                layer.latestVersion(),
                layer.draft(),
                layer.draftUpdatedAt(),
                layer.draftUpdatedBy(),
                offerings.problems(layer.draft()),
                offerings.versions(layer.id()).stream().map(VersionSummary::of).toList());
    }

    @Operation(summary = "One layer: its draft, what blocks publishing it, and its versions")
    @GetMapping("/layers/{id}")
    LayerResponse layer(@PathVariable String id) {
        return response(offerings.layer(id));
    }

    @Operation(
            summary = "Replace the layer's draft",
            description = "The body is the layer content (JSON). Unknown fields are an error, with their location.")
    @PutMapping(path = "/layers/{id}/draft", consumes = MediaType.APPLICATION_JSON_VALUE)
    LayerResponse saveDraft(@PathVariable String id, @RequestBody String body) {
        offerings.layer(id);
        return response(offerings.saveDraft(id, ContentJson.fromJson(body)));
    }

    @Operation(summary = "Publish the draft as the next immutable version (canonical JSON, SHA-256, log entry)")
    @PostMapping("/layers/{id}/publish")
    ResponseEntity<VersionSummary> publish(@PathVariable String id) {
        LayerVersion version = offerings.publish(id);
        return ResponseEntity.created(URI.create("/api/v1/layers/" + id + "/versions/" + version.version()))
                .body(VersionSummary.of(version));
    }

    @Operation(
            summary = "A published version exactly as hashed: RFC 8785 canonical JSON",
            description =
                    "SHA-256 of the response body equals the version's sha256 and the log entry's subject digest.")
    @GetMapping(path = "/layers/{id}/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> version(@PathVariable String id, @PathVariable int version) {
        LayerVersion found = offerings.version(id, version);
        return ResponseEntity.ok()
                .eTag("\"" + found.sha256() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(found.canonicalJson().getBytes(StandardCharsets.UTF_8));
    }

    @Operation(summary = "What changed between two versions (use 'draft' for the current draft)")
    @GetMapping("/layers/{id}/compare")
    List<VersionDiff.Change> compare(@PathVariable String id, @RequestParam String from, @RequestParam String to) {
        return offerings.compare(id, versionNumber("from", from), versionNumber("to", to));
    }

    @Operation(
            summary = "The SLOs of the draft (or a version) as OpenSLO v1 YAML",
            description = "One kind: SLO document per objective; the indicator's query is the measured quantity.")
    @GetMapping(path = "/layers/{id}/openslo", produces = "application/yaml")
    ResponseEntity<String> openSlo(@PathVariable String id, @RequestParam(defaultValue = "draft") String version) {
        ServiceLayer layer = offerings.layer(id);
        LayerContent content = content(id, versionNumber("version", version));
        List<ContentProblem> problems = offerings.problems(content).stream()
                .filter(p -> p.location().startsWith("/sla/slos"))
                .toList();
        if (!problems.isEmpty()) {
            throw new io.serviceproof.common.UnprocessableDocumentException(
                    "the SLOs cannot be exported until they are valid",
                    problems.stream()
                            .map(p -> new io.serviceproof.common.UnprocessableDocumentException.Problem(
                                    p.location(), p.message()))
                            .toList());
        }
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("application/yaml"))
                .header("Content-Disposition", "attachment; filename=\"" + layer.code() + "-slos.yaml\"")
                .body(OpenSlo.export(layer.code(), content.sla().slos()));
    }

    @Operation(
            summary = "Replace the draft's SLOs with those of an OpenSLO v1 YAML file (kind: SLO documents)",
            description = "JSON is accepted too, being YAML.")
    @PutMapping(
            path = "/layers/{id}/openslo",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain", "application/json"})
    LayerResponse importOpenSlo(@PathVariable String id, @RequestBody String yaml) {
        offerings.layer(id);
        return response(offerings.replaceSlos(id, OpenSlo.read(yaml)));
    }

    @Operation(summary = "Flows of the draft (or a version) that cross a border, with the laws each engages")
    @GetMapping("/layers/{id}/cross-border-flows")
    List<CrossBorderFlow> crossBorder(@PathVariable String id, @RequestParam(defaultValue = "draft") String version) {
        return offerings.crossBorderFlows(offerings.layer(id), content(id, versionNumber("version", version)));
    }

    @Operation(summary = "The data-flow diagram of the draft (or a version) as SVG")
    @GetMapping(path = "/layers/{id}/data-flow.svg", produces = "image/svg+xml")
    ResponseEntity<String> diagram(@PathVariable String id, @RequestParam(defaultValue = "draft") String version) {
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("image/svg+xml"))
                .body(DataFlowSvg.render(
                        content(id, versionNumber("version", version)).dataFlow()));
    }

    LayerContent content(String layerId, int version) {
        return version == 0
                ? offerings.layer(layerId).draft()
                : ContentJson.fromJson(offerings.version(layerId, version).canonicalJson());
    }

    static int versionNumber(String field, String value) {
        if ("draft".equals(value)) {
            return 0;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "a version number (1, 2, …) or 'draft'");
        }
    }
}
