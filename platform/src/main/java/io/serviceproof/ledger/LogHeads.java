package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The size of each log. Writing the head row first is how an append takes the log's lock. */
@Repository
class LogHeads {

    private final JdbcClient jdbc;

    LogHeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the log for this transaction and returns its size. On PostgreSQL the UPDATE holds the
     * row lock until commit, so a second node waits here; on SQLite the transaction already holds
     * the database's single write lock.
     */
    long lock(OrganisationId organisation, long now) {
        jdbc.sql(
                        "INSERT INTO log_heads (organisation_id, size, updated_at) VALUES (:org, 0, :now) ON CONFLICT (organisation_id) DO NOTHING")
                .param("org", organisation.toString())
                .param("now", now)
                .update();
        jdbc.sql("UPDATE log_heads SET updated_at = :now WHERE organisation_id = :org")
                .param("org", organisation.toString())
                .param("now", now)
                .update();
        return size(organisation);
    }

    long size(OrganisationId organisation) {
        return jdbc.sql("SELECT size FROM log_heads WHERE organisation_id = :org")
                .param("org", organisation.toString())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    void setSize(OrganisationId organisation, long size) {
        jdbc.sql("UPDATE log_heads SET size = :size WHERE organisation_id = :org")
                .param("org", organisation.toString())
                .param("size", size)
                .update();
    }

    /** Logs that have grown past their latest checkpoint. */
    List<OrganisationId> withUnpublishedEntries() {
        return jdbc.sql("""
                        SELECT h.organisation_id FROM log_heads h
                        WHERE h.size > COALESCE((SELECT MAX(c.size) FROM log_checkpoints c
                                                 WHERE c.organisation_id = h.organisation_id), -1)
                        """)
                .query((row, n) -> OrganisationId.parse(row.getString(1)))
                .list();
    }
}
