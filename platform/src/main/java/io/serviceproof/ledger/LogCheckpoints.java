package io.serviceproof.ledger;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.OrganisationId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every checkpoint a log has published. */
@Repository
class LogCheckpoints {

    private final JdbcClient jdbc;

    LogCheckpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Published(long size, String note, Instant publishedAt) {}

    /** Stores a checkpoint; another node publishing the same size first is fine (same tree, same root). */
    void insert(OrganisationId organisation, long size, String note, Instant at) {
        jdbc.sql("""
                        INSERT INTO log_checkpoints (organisation_id, size, note, published_at)
                        VALUES (:org, :size, :note, :at) ON CONFLICT (organisation_id, size) DO NOTHING
                        """)
                .param("org", organisation.toString())
                .param("size", size)
                .param("note", note)
                .param("at", Timestamps.toMillis(at))
                .update();
    }

    Optional<Published> at(OrganisationId organisation, long size) {
        return jdbc.sql(
                        "SELECT size, note, published_at FROM log_checkpoints WHERE organisation_id = :org AND size = :size")
                .param("org", organisation.toString())
                .param("size", size)
                .query((row, n) ->
                        new Published(row.getLong(1), row.getString(2), Timestamps.instant(row, "published_at")))
                .optional();
    }

    Optional<Published> latest(OrganisationId organisation) {
        return jdbc.sql("""
                        SELECT size, note, published_at FROM log_checkpoints
                        WHERE organisation_id = :org ORDER BY size DESC LIMIT 1
                        """)
                .param("org", organisation.toString())
                .query((row, n) ->
                        new Published(row.getLong(1), row.getString(2), Timestamps.instant(row, "published_at")))
                .optional();
    }
}
