package io.serviceproof.ledger.web;

import io.serviceproof.verifier.checkpoint.TlogProof;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A tlog-proof file as a download named {@code entry-<index>.tlog-proof}. */
final class TlogProofDownload {

    private TlogProofDownload() {}

    static ResponseEntity<byte[]> of(long index, byte[] proof) {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_PLAIN)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("entry-" + index + TlogProof.FILE_EXTENSION)
                                .build()
                                .toString())
                .body(proof);
    }
}
