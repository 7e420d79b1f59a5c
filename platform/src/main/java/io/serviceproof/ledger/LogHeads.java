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
    long lock(LogId log, long now) {
        jdbc.sql("UPDATE log_heads SET updated_at = :now WHERE log_id = :log")
                .param("log", log.value())
                .param("now", now)
                .update();
        return jdbc.sql("SELECT size FROM log_heads WHERE log_id = :log")
                .param("log", log.value())
                .query(Long.class)
                .single();
    }

    long size(OrganisationId organisation) {
        return jdbc.sql("SELECT size FROM log_heads WHERE organisation_id = :org")
                .param("org", organisation.toString())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    void setSize(LogId log, long size) {
        jdbc.sql("UPDATE log_heads SET size = :size WHERE log_id = :log")
                .param("log", log.value())
                .param("size", size)
                .update();
    }

    /** Every organisation that has a log. */
    List<OrganisationId> organisations() {
        return jdbc.sql("SELECT organisation_id FROM log_heads ORDER BY organisation_id")
                .query((row, n) -> OrganisationId.parse(row.getString(1)))
                .list();
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
