package io.serviceproof.tender;

import io.serviceproof.common.blobs.BlobReferences;
import org.springframework.stereotype.Component;

/** A tender's imported file is its blob: the export writes the answers into it. */
@Component
class TenderSourceReferences implements BlobReferences {

    private final TenderRows rows;

    TenderSourceReferences(TenderRows rows) {
        this.rows = rows;
    }

    @Override
    public boolean refersTo(String sha256) {
        return rows.refersTo(sha256);
    }
}
