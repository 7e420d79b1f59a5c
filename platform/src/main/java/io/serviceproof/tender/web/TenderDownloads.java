package io.serviceproof.tender.web;

import io.serviceproof.tender.TenderExports;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A tender export as a download, its name encoded for any language (RFC 6266). */
final class TenderDownloads {

    private TenderDownloads() {}

    static ResponseEntity<byte[]> attachment(TenderExports.Export export) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(export.filename(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(export.mediaType()))
                .body(export.content());
    }
}
