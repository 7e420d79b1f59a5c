package io.serviceproof.ingest;

import io.serviceproof.common.blobs.BlobReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An imported file is kept with its import's record: it is what the import's report points into. */
@Component
class ImportFileReferences implements BlobReferences {

    private final JdbcClient jdbc;

    ImportFileReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean refersTo(String sha256) {
        return BlobReferences.anyRow(jdbc, "event_imports", "sha256", sha256);
    }
}
