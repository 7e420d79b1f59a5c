package io.serviceproof.ingest.web;

import io.serviceproof.ingest.EventImport;
import io.serviceproof.ingest.EventImports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk imports of historical events (JSON Lines or CSV), logged in the background with progress. */
@RestController
@Tag(name = "Ingest", description = "MQTT subscriptions and bulk imports of historical events")
class EventImportApiController {

    private final EventImports imports;

    EventImportApiController(EventImports imports) {
        this.imports = imports;
    }

    /** An import as the API shows it: progress as a percentage of the file read, and the bad lines. */
    record ImportResponse(
            String id,
            String name,
            String format,
            String onBadLine,
            String sha256,
            long totalBytes,
            String status,
            String phase,
            int percent,
            long linesDone,
            long logged,
            long alreadyPresent,
            long refused,
            List<Problem> problems,
            String createdBy,
            Instant createdAt,
            Instant finishedAt) {

        record Problem(long line, String field, String message) {}

        static ImportResponse of(EventImport i) {
            return new ImportResponse(
                    i.id(),
                    i.name(),
                    i.format().token(),
                    i.onBadLine().token(),
                    i.sha256(),
                    i.totalBytes(),
                    i.status().token(),
                    i.phase().token(),
                    i.percent(),
                    i.linesDone(),
                    i.logged(),
                    i.alreadyPresent(),
                    i.refused(),
                    i.problems().stream()
                            .map(p -> new Problem(p.line(), p.field(), p.message()))
                            .toList(),
                    i.createdBy(),
                    i.createdAt(),
                    i.finishedAt());
        }
    }

    @Operation(
            summary = "Import a file of historical events: JSON Lines (one ingest-API entry per line) or CSV"
                    + " with a column mapping",
            description = "Answered 202 once the whole file is kept; it is then logged in the background (poll"
                    + " the Location). onBadLine=refuse-file (default) checks every line first and logs nothing"
                    + " if one is bad; report-line logs the good lines and lists the bad ones. Event ids make a"
                    + " re-import or a resumed import log each event once. See docs/formats.md, \"Event imports\".")
    @PostMapping(value = "/api/v1/event-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportResponse> start(
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String onBadLine,
            @RequestParam(required = false) String occurredAtColumn,
            @RequestParam(required = false) String eventIdColumn,
            @RequestParam(required = false) String typeColumn,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String serviceLayerColumn,
            @RequestParam(required = false) String serviceLayerId,
            @RequestParam(required = false) List<String> payloadColumns) {
        EventImports.NewImport request = EventImportRequests.of(
                file,
                name,
                format,
                onBadLine,
                occurredAtColumn,
                eventIdColumn,
                typeColumn,
                type,
                serviceLayerColumn,
                serviceLayerId,
                payloadColumns);
        try {
            EventImport started = imports.start(request, file.getInputStream());
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/event-imports/" + started.id()))
                    .body(ImportResponse.of(started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(summary = "The organisation's imports, newest first")
    @GetMapping("/api/v1/event-imports")
    List<ImportResponse> list() {
        return imports.imports().stream().map(ImportResponse::of).toList();
    }

    @Operation(summary = "One import: status, progress and the bad lines (the first 100, all counted)")
    @GetMapping("/api/v1/event-imports/{id}")
    ImportResponse one(@PathVariable String id) {
        return ImportResponse.of(imports.importOf(id));
    }

    @Operation(summary = "Run a failed import again, from the last line it logged")
    @PostMapping("/api/v1/event-imports/{id}/retry")
    ResponseEntity<ImportResponse> retry(@PathVariable String id) {
        return ResponseEntity.accepted().body(ImportResponse.of(imports.retry(id)));
    }
}
