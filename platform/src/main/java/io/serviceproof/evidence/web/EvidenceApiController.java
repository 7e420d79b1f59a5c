package io.serviceproof.evidence.web;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.evidence.EvidenceDetail;
import io.serviceproof.evidence.EvidenceFields;
import io.serviceproof.evidence.EvidenceFilter;
import io.serviceproof.evidence.EvidenceLink;
import io.serviceproof.evidence.EvidenceStatus;
import io.serviceproof.evidence.LinkRequest;
import io.serviceproof.evidence.LinkTarget;
import io.serviceproof.evidence.Upload;
import io.serviceproof.evidence.Vault;
import io.serviceproof.evidence.web.EvidenceResponses.EvidenceResponse;
import io.serviceproof.evidence.web.EvidenceResponses.LinkResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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

@Tag(name = "Evidence", description = "The evidence vault: content-addressed files with versions, review and links")
@RestController
@RequestMapping("/api/v1/evidence")
class EvidenceApiController {

    private final Vault vault;
    private final Clock clock;

    EvidenceApiController(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    @Operation(
            summary = "Register evidence with its first file",
            description =
                    "multipart/form-data: file, title, type (E1–E9 or your own label), and optionally description,"
                            + " ownerId, effectiveDate, validUntil (YYYY-MM-DD), sha256 (checked against the bytes), submit=true"
                            + " (straight into review), requirementId and layerId (repeatable). 201 with the id and sha256.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<EvidenceResponse> register(
            @RequestPart("file") MultipartFile file,
            @RequestParam(name = "title", required = false) String title,
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "description", required = false) String description,
            @RequestParam(name = "ownerId", required = false) String ownerId,
            @RequestParam(name = "effectiveDate", required = false) String effectiveDate,
            @RequestParam(name = "validUntil", required = false) String validUntil,
            @RequestParam(name = "sha256", required = false) String sha256,
            @RequestParam(name = "submit", defaultValue = "false") boolean submit,
            @RequestParam(name = "requirementId", required = false) List<String> requirementIds,
            @RequestParam(name = "layerId", required = false) List<String> layerIds) {
        List<LinkRequest> links = new ArrayList<>();
        if (requirementIds != null) {
            requirementIds.forEach(id -> links.add(new LinkRequest(LinkTarget.REQUIREMENT, id)));
        }
        if (layerIds != null) {
            layerIds.forEach(id -> links.add(new LinkRequest(LinkTarget.SERVICE_LAYER, id)));
        }
        EvidenceDetail detail = vault.register(
                new EvidenceFields(
                        title,
                        type,
                        description,
                        ownerId,
                        date("effectiveDate", effectiveDate),
                        date("validUntil", validUntil),
                        sha256,
                        submit),
                upload(file),
                links);
        return ResponseEntity.created(
                        URI.create("/api/v1/evidence/" + detail.item().id()))
                .body(EvidenceResponse.of(detail));
    }

    @Operation(summary = "Upload a new version of the evidence's file (reviewed on its own)")
    @PostMapping(path = "/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<EvidenceResponse> addVersion(
            @PathVariable String id,
            @RequestPart("file") MultipartFile file,
            @RequestParam(name = "effectiveDate", required = false) String effectiveDate,
            @RequestParam(name = "validUntil", required = false) String validUntil,
            @RequestParam(name = "sha256", required = false) String sha256,
            @RequestParam(name = "submit", defaultValue = "false") boolean submit) {
        EvidenceDetail detail = vault.addVersion(
                id,
                new EvidenceFields(
                        null,
                        null,
                        null,
                        null,
                        date("effectiveDate", effectiveDate),
                        date("validUntil", validUntil),
                        sha256,
                        submit),
                upload(file));
        return ResponseEntity.created(URI.create("/api/v1/evidence/" + id + "/content?version="
                        + detail.latest().version()))
                .body(EvidenceResponse.of(detail));
    }

    @Operation(summary = "List evidence (latest version of each), filtered")
    @GetMapping
    List<EvidenceResponse> list(
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "expiringWithinDays", required = false) Integer expiringWithinDays,
            @RequestParam(name = "requirementId", required = false) String requirementId,
            @RequestParam(name = "layerId", required = false) String layerId) {
        if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > 3660)) {
            throw new InvalidInputException("expiringWithinDays", "0 to 3660");
        }
        if (requirementId != null && layerId != null) {
            throw new InvalidInputException("layerId", "filter by a requirement or a layer, not both");
        }
        EvidenceStatus wanted;
        try {
            wanted = status == null ? null : EvidenceStatus.fromToken(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", e.getMessage());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return vault
                .find(new EvidenceFilter(
                        type,
                        wanted,
                        expiringWithinDays == null ? null : today.plusDays(expiringWithinDays),
                        requirementId != null
                                ? LinkTarget.REQUIREMENT
                                : layerId != null ? LinkTarget.SERVICE_LAYER : null,
                        requirementId != null ? requirementId : layerId))
                .stream()
                .map(EvidenceResponse::of)
                .toList();
    }

    @Operation(summary = "One piece of evidence with all its versions and links")
    @GetMapping("/{id}")
    EvidenceResponse get(@PathVariable String id) {
        return EvidenceResponse.of(vault.detail(id));
    }

    record EditEvidence(
            @Size(min = 1, max = 200) String title,
            @Size(min = 1, max = 60) String type,
            @Size(max = 4000) String description,
            String ownerId) {}

    @Operation(summary = "Change the title, type, description or owner (the files never change)")
    @PatchMapping("/{id}")
    EvidenceResponse edit(@PathVariable String id, @Valid @RequestBody EditEvidence edit) {
        return EvidenceResponse.of(vault.edit(id, edit.title(), edit.type(), edit.description(), edit.ownerId()));
    }

    @Operation(
            summary = "The exact bytes of the latest (or a given) version",
            description =
                    "Re-hashed before it is sent: a stored file that no longer matches its SHA-256 is withheld (500).")
    @GetMapping("/{id}/content")
    ResponseEntity<org.springframework.core.io.Resource> content(
            @PathVariable String id, @RequestParam(name = "version", required = false) Integer version) {
        return download(vault.content(id, version));
    }

    /** The response for verified bytes, shared with the page download. */
    static ResponseEntity<org.springframework.core.io.Resource> download(Vault.VerifiedContent content) {
        // Streamed from the file as the response is written; never read into memory.
        var body = new org.springframework.core.io.InputStreamResource(
                content.open().get());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.version().mediaType()))
                .contentLength(content.version().size())
                .eTag("\"" + content.version().sha256() + "\"")
                .header("Repr-Digest", "sha-256=:" + base64(content.version().sha256()) + ":")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.version().filename(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    @Operation(summary = "Submit the latest version for review")
    @PostMapping("/{id}/submit")
    EvidenceResponse submit(@PathVariable String id) {
        return EvidenceResponse.of(vault.submit(id));
    }

    record Review(@Size(max = 2000) String comment) {}

    @Operation(summary = "Approve the latest version (owners and compliance managers); logged with its digest")
    @PostMapping("/{id}/approve")
    EvidenceResponse approve(@PathVariable String id, @Valid @RequestBody(required = false) Review review) {
        return EvidenceResponse.of(vault.approve(id, review == null ? null : review.comment()));
    }

    @Operation(summary = "Reject the latest version, saying why (owners and compliance managers)")
    @PostMapping("/{id}/reject")
    EvidenceResponse reject(@PathVariable String id, @Valid @RequestBody(required = false) Review review) {
        return EvidenceResponse.of(vault.reject(id, review == null ? null : review.comment()));
    }

    record NewLink(
            @NotBlank String kind,
            @NotBlank @Size(max = 100) String targetId) {}

    @Operation(summary = "Link the evidence to a requirement or a service layer")
    @PostMapping("/{id}/links")
    ResponseEntity<LinkResponse> link(@PathVariable String id, @Valid @RequestBody NewLink request) {
        LinkTarget kind;
        try {
            kind = LinkTarget.fromToken(request.kind());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", e.getMessage());
        }
        EvidenceLink link = vault.link(id, kind, request.targetId());
        return ResponseEntity.created(URI.create("/api/v1/evidence/" + id)).body(LinkResponse.of(link));
    }

    @Operation(summary = "Remove a link")
    @DeleteMapping("/{id}/links/{linkId}")
    ResponseEntity<Void> unlink(@PathVariable String id, @PathVariable String linkId) {
        vault.unlink(id, linkId);
        return ResponseEntity.noContent().build();
    }

    static Upload upload(MultipartFile file) {
        try {
            return new Upload(file.getOriginalFilename(), file.getContentType(), file.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a date as YYYY-MM-DD");
        }
    }

    private static String base64(String hex) {
        return java.util.Base64.getEncoder()
                .encodeToString(java.util.HexFormat.of().parseHex(hex));
    }
}
