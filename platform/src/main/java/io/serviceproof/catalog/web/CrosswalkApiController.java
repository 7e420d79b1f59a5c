package io.serviceproof.catalog.web;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.CatalogExports;
import io.serviceproof.catalog.CatalogImports;
import io.serviceproof.catalog.Confidence;
import io.serviceproof.catalog.MappingChange;
import io.serviceproof.catalog.MappingEdits;
import io.serviceproof.catalog.MappingStatus;
import io.serviceproof.catalog.Market;
import io.serviceproof.catalog.Rationale;
import io.serviceproof.catalog.Relationship;
import io.serviceproof.catalog.crosswalk.Crosswalk;
import io.serviceproof.catalog.web.CatalogResponses.MappingResponse;
import io.serviceproof.catalog.web.CatalogResponses.ProvenanceResponse;
import io.serviceproof.common.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Crosswalks and markets", description = "Mappings (OSCAL 1.2 / NIST IR 8477), suggestions, market profiles")
@RestController
@RequestMapping("/api/v1/catalog")
class CrosswalkApiController {

    private final Catalog catalog;
    private final MappingEdits edits;
    private final CatalogImports imports;
    private final CatalogExports exports;

    CrosswalkApiController(Catalog catalog, MappingEdits edits, CatalogImports imports, CatalogExports exports) {
        this.catalog = catalog;
        this.edits = edits;
        this.imports = imports;
        this.exports = exports;
    }

    @Operation(summary = "List mappings, by status (default: all)")
    @GetMapping("/mappings")
    List<MappingResponse> mappings(@RequestParam(name = "status", required = false) String status) {
        Set<MappingStatus> statuses = status == null
                ? EnumSet.allOf(MappingStatus.class)
                : Arrays.stream(status.split(",")).map(this::status).collect(Collectors.toSet());
        return catalog.mappings(statuses).stream().map(MappingResponse::of).toList();
    }

    private MappingStatus status(String token) {
        try {
            return MappingStatus.fromToken(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", e.getMessage());
        }
    }

    record NewMapping(
            @NotBlank String sourceId,
            @NotBlank String targetId,
            @NotNull Relationship relationship,
            @NotNull Rationale rationale,
            Integer strength,
            Confidence confidence,
            MappingStatus status,
            @Size(max = 2000) String note) {}

    @Operation(summary = "Create a mapping (proposed unless status says confirmed)")
    @PostMapping("/mappings")
    ResponseEntity<MappingResponse> create(@Valid @RequestBody NewMapping request) {
        var mapping = edits.create(
                request.sourceId(),
                request.targetId(),
                new MappingEdits.MappingFields(
                        request.relationship(),
                        request.rationale(),
                        request.strength(),
                        request.confidence(),
                        request.status(),
                        request.note()),
                "human");
        return ResponseEntity.created(URI.create("/api/v1/catalog/mappings/" + mapping.id()))
                .body(MappingResponse.of(catalog.mapping(mapping.id())));
    }

    record ImportedMappings(int maps) {}

    @Operation(summary = "Import an OSCAL 1.2 mapping collection between frameworks in the catalog")
    @PostMapping(path = "/mappings/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    ImportedMappings importCollection(@RequestBody byte[] body) {
        return new ImportedMappings(imports.importMappings(body));
    }

    @Operation(summary = "Export the mappings between two frameworks as an OSCAL 1.2 mapping collection")
    @GetMapping("/mappings/export")
    ResponseEntity<byte[]> export(@RequestParam String source, @RequestParam String target) {
        return CatalogApiController.file(exports.mappings(source, target));
    }

    record MappingDetail(MappingResponse mapping, List<MappingChange> history) {}

    @Operation(summary = "One mapping with its history")
    @GetMapping("/mappings/{id}")
    MappingDetail mapping(@PathVariable String id) {
        return new MappingDetail(MappingResponse.of(catalog.mapping(id)), catalog.history(id));
    }

    record MappingPatch(
            Relationship relationship,
            Rationale rationale,
            Integer strength,
            Confidence confidence,
            MappingStatus status,
            @Size(max = 2000) String note) {}

    @Operation(summary = "Edit a mapping (kept in its history)")
    @PatchMapping("/mappings/{id}")
    MappingResponse edit(@PathVariable String id, @Valid @RequestBody MappingPatch patch) {
        edits.edit(
                id,
                new MappingEdits.MappingFields(
                        patch.relationship(),
                        patch.rationale(),
                        patch.strength(),
                        patch.confidence(),
                        patch.status(),
                        patch.note()));
        return MappingResponse.of(catalog.mapping(id));
    }

    record Decision(@Size(max = 2000) String note) {}

    @Operation(summary = "Confirm a mapping: from now on it counts")
    @PostMapping("/mappings/{id}/confirm")
    MappingResponse confirm(@PathVariable String id, @RequestBody(required = false) Decision decision) {
        edits.confirm(id, decision == null ? null : decision.note());
        return MappingResponse.of(catalog.mapping(id));
    }

    @Operation(summary = "Reject a mapping: it never counts and suppresses the matching suggestion")
    @PostMapping("/mappings/{id}/reject")
    MappingResponse reject(@PathVariable String id, @RequestBody(required = false) Decision decision) {
        edits.reject(id, decision == null ? null : decision.note());
        return MappingResponse.of(catalog.mapping(id));
    }

    record SuggestionResponse(
            String sourceId,
            String sourceRef,
            String targetId,
            String targetRef,
            String relationship,
            String coverage,
            Integer strength,
            List<String> path,
            String basis) {}

    @Operation(
            summary = "Inferred mappings (multi-hop, weakest link) waiting for confirmation",
            description = "With ?requirement=<id>, only those that start or end there.")
    @GetMapping("/mappings/suggestions")
    List<SuggestionResponse> suggestions(@RequestParam(name = "requirement", required = false) String requirement) {
        Crosswalk crosswalk = catalog.crosswalk();
        List<Crosswalk.Suggestion> found;
        if (requirement != null) {
            catalog.requirement(requirement);
            found = crosswalk.suggestionsFor(requirement);
        } else {
            found = crosswalk.suggestions(500);
        }
        return found.stream()
                .map(s -> new SuggestionResponse(
                        s.sourceId(),
                        crosswalk.node(s.sourceId()).map(Crosswalk.Node::ref).orElse(""),
                        s.targetId(),
                        crosswalk.node(s.targetId()).map(Crosswalk.Node::ref).orElse(""),
                        s.relationship().token(),
                        s.coverage().name().toLowerCase(),
                        s.strength(),
                        s.path(),
                        s.basis()))
                .toList();
    }

    record MarketResponse(
            String code,
            String name,
            String nameZh,
            List<String> languages,
            String standardsBody,
            String accreditationBody,
            List<String> reliesOn,
            String notes,
            String notCovered,
            ProvenanceResponse provenance,
            List<Map<String, Object>> rules) {}

    @Operation(summary = "Market profiles")
    @GetMapping("/markets")
    List<MarketResponse> markets() {
        return catalog.markets().stream().map(this::market).toList();
    }

    @Operation(summary = "One market profile: what applies there and why")
    @GetMapping("/markets/{code}")
    MarketResponse market(@PathVariable String code) {
        return market(catalog.market(code));
    }

    private MarketResponse market(Market market) {
        return new MarketResponse(
                market.code(),
                market.nameEn(),
                market.nameZh(),
                market.languages(),
                market.standardsBody(),
                market.accreditationBody(),
                market.reliesOn(),
                market.notes(),
                market.notCovered(),
                ProvenanceResponse.of(market.provenance()),
                catalog.rules(market).stream()
                        .map(r -> Map.<String, Object>of(
                                "framework", r.frameworkKey() + "@" + r.frameworkEdition(),
                                "requirement", r.requirementRef() == null ? "" : r.requirementRef(),
                                "basis", r.basis(),
                                "reason", r.reasonEn(),
                                "provenance", ProvenanceResponse.of(r.provenance())))
                        .toList());
    }
}
