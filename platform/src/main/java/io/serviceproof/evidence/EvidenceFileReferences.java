package io.serviceproof.evidence;

import io.serviceproof.common.blobs.BlobReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every version of every organisation's evidence keeps its file: evidence is never deleted. */
@Component
class EvidenceFileReferences implements BlobReferences {

    private final JdbcClient jdbc;

    EvidenceFileReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean refersTo(String sha256) {
        return BlobReferences.anyRow(jdbc, "evidence_versions", "sha256", sha256);
    }
}
