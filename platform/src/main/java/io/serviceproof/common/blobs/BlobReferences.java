package io.serviceproof.common.blobs;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module that keeps blobs says here whether it still refers to one. Blobs are stored once per
 * SHA-256 for everyone, so the same bytes may be an evidence file of one organisation and a finished
 * dossier of another; {@link BlobStore#forget} deletes a blob only when no module refers to it.
 */
public interface BlobReferences {

    boolean refersTo(String sha256);

    /** Whether any row of {@code table} names the digest in {@code column} (both constants of the caller). */
    static boolean anyRow(JdbcClient jdbc, String table, String column, String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :sha")
                        .param("sha", sha256)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
