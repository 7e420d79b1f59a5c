package io.serviceproof.services.web;

import io.serviceproof.services.ApiContract;
import io.serviceproof.services.ApiContracts;
import io.serviceproof.services.contract.ContractDiff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Services", description = "Offerings, service layers, drafts and immutable published versions")
@RestController
@RequestMapping("/api/v1/layers/{id}/api-contracts")
class ApiContractsApiController {

    private final ApiContracts contracts;

    ApiContractsApiController(ApiContracts contracts) {
        this.contracts = contracts;
    }

    @Operation(
            summary = "Upload the layer's next API contract (OpenAPI 3, JSON or YAML)",
            description =
                    "Validated with swagger-parser (external $refs are refused), hashed, compared with the previous"
                            + " contract by openapi-diff, logged, and referenced from the layer's draft.")
    @PostMapping(consumes = {"application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    ResponseEntity<ApiContracts.Uploaded> upload(@PathVariable String id, @RequestBody String document) {
        return created(id, contracts.upload(id, document));
    }

    @Operation(summary = "Upload the layer's next API contract as a file")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ApiContracts.Uploaded> uploadFile(@PathVariable String id, @RequestPart("file") MultipartFile file) {
        return created(id, contracts.upload(id, text(file)));
    }

    private static ResponseEntity<ApiContracts.Uploaded> created(String id, ApiContracts.Uploaded uploaded) {
        return ResponseEntity.created(URI.create("/api/v1/layers/" + id + "/api-contracts/"
                        + uploaded.contract().version()))
                .body(uploaded);
    }

    @Operation(summary = "The layer's API contracts, newest first, each flagged when it broke its predecessor")
    @GetMapping
    List<ApiContract> list(@PathVariable String id) {
        return contracts.contracts(id);
    }

    @Operation(summary = "One contract exactly as uploaded (its SHA-256 is the contract's sha256)")
    @GetMapping("/{version}")
    ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable int version) {
        String document = contracts.document(id, version);
        return ResponseEntity.ok()
                .contentType(
                        document.stripLeading().startsWith("{")
                                ? MediaType.APPLICATION_JSON
                                : MediaType.valueOf("application/yaml"))
                .eTag("\"" + contracts.contract(id, version).sha256() + "\"")
                .body(document.getBytes(StandardCharsets.UTF_8));
    }

    @Operation(summary = "Breaking-change report between two contract versions (openapi-diff)")
    @GetMapping("/{version}/diff")
    ContractDiff diff(@PathVariable String id, @PathVariable int version, @RequestParam int from) {
        return contracts.diff(id, from, version);
    }

    static String text(MultipartFile file) {
        try {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
