package io.serviceproof.attestation.web;

import io.serviceproof.evidence.Vault;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An evidence file as a body downloads it: streamed, as an attachment, with its digest. */
final class EngagementDownloads {

    private EngagementDownloads() {}

    static ResponseEntity<Resource> of(Vault.VerifiedContent content) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(content.version().size())
                .eTag("\"" + content.version().sha256() + "\"")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.version().filename(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content.open().get()));
    }
}
