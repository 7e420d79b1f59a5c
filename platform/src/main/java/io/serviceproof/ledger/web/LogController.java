package io.serviceproof.ledger.web;

import io.serviceproof.common.ServiceUnavailableException;
import io.serviceproof.common.web.ResponseMemory;
import io.serviceproof.identity.Organisation;
import io.serviceproof.ledger.LogReader;
import io.serviceproof.verifier.tiles.TilePath;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The log's read API, exactly as C2SP tlog-tiles lays it out under {@code /logs/<slug>/}: the
 * checkpoint, hash tiles and entry bundles, plus the verifier key. Full tiles never change, so
 * they are served as immutable; partial tiles and the checkpoint change as the log grows.
 */
@Tag(
        name = "Log (C2SP tlog-tiles)",
        description = "Public when the organisation's log is public; otherwise an API token of the organisation")
@RestController
class LogController {

    private static final CacheControl IMMUTABLE =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl CHANGING = CacheControl.noCache();

    private final LogAccess access;
    private final LogReader reader;
    private final io.serviceproof.ledger.Witnessing witnessing;
    private final ResponseMemory memory;

    LogController(
            LogAccess access, LogReader reader, io.serviceproof.ledger.Witnessing witnessing, ResponseMemory memory) {
        this.access = access;
        this.memory = memory;
        this.reader = reader;
        this.witnessing = witnessing;
    }

    @Operation(summary = "The latest signed checkpoint (C2SP tlog-checkpoint)")
    @GetMapping(value = "/logs/{slug}/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> checkpoint(@PathVariable String slug) {
        Organisation organisation = access.readable(slug);
        return ResponseEntity.ok().cacheControl(CHANGING).contentType(TEXT).body(reader.checkpoint(organisation.id()));
    }

    @Operation(summary = "The log's witness policy: which witnesses must cosign a checkpoint before it counts")
    @GetMapping(value = "/logs/{slug}/witness-policy", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> witnessPolicy(@PathVariable String slug) {
        Organisation organisation = access.readable(slug);
        return witnessing
                .policy(organisation.id())
                .map(policy -> ResponseEntity.ok()
                        .cacheControl(CHANGING)
                        .contentType(TEXT)
                        .body(policy))
                .orElseThrow(() -> new io.serviceproof.common.NotFoundException("Witness policy", slug));
    }

    @Operation(summary = "The log's verifier key (C2SP signed-note vkey)")
    @GetMapping(value = "/logs/{slug}/vkey", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verifierKey(@PathVariable String slug) {
        Organisation organisation = access.readable(slug);
        return ResponseEntity.ok().contentType(TEXT).body(reader.verifierKey(organisation.id()) + "\n");
    }

    @Operation(summary = "A hash tile or entry bundle: tile/<L>/<N>[.p/<W>] or tile/entries/<N>[.p/<W>]")
    @GetMapping("/logs/{slug}/tile/**")
    ResponseEntity<byte[]> tile(@PathVariable String slug, HttpServletRequest request) {
        Organisation organisation = access.readable(slug);
        String prefix = request.getContextPath() + "/logs/" + slug + "/";
        TilePath tile;
        try {
            tile = TilePath.parse(request.getRequestURI().substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.notFound().build();
        }
        if (!tile.isEntries()) {
            // A hash tile is at most 8 KiB: no accounting needed.
            return served(tile, reader.tile(organisation.id(), tile), request);
        }
        try (ResponseMemory.Reservation held = memory.tryReserve(reader.entryBundleMemory(organisation.id(), tile))
                .orElseThrow(() -> new ServiceUnavailableException(
                        "The server is serving many large log reads; try again shortly.",
                        ResponseMemory.RETRY_AFTER_SECONDS))) {
            return served(tile, reader.entryBundle(organisation.id(), tile), request);
        }
    }

    private static ResponseEntity<byte[]> served(TilePath tile, Optional<byte[]> bytes, HttpServletRequest request) {
        if (bytes.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .cacheControl(tile.isPartial() ? CHANGING : IMMUTABLE)
                .contentType(MediaType.APPLICATION_OCTET_STREAM);
        if (tile.isEntries()) {
            // tlog-tiles: entry bundles SHOULD be compressible. Canonical JSON shrinks about fivefold;
            // hash tiles are random bytes and are always sent as they are.
            response.varyBy(HttpHeaders.ACCEPT_ENCODING);
            if (acceptsGzip(request)) {
                return response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(gzip(bytes.get()));
            }
        }
        return response.body(bytes.get());
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.split(",")) {
            String[] parts = coding.strip().split(";");
            if (parts[0].strip().equalsIgnoreCase("gzip")) {
                return parts.length < 2 || !parts[1].strip().matches("q=0(\\.0{0,3})?");
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length / 4 + 64);
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
}
