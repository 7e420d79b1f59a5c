package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each log's small integer id, which its entries, nodes and tiles are keyed on in place of the
 * organisation id (ADR 011). An id is given once, when the organisation's log head is first
 * written, and never changes, so it is cached for good once seen.
 */
@Repository
class LogIds {

    private final JdbcClient jdbc;
    private final Map<OrganisationId, LogId> known = new ConcurrentHashMap<>();

    LogIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organisation's log id, or {@link LogId#NONE} while it has no log. */
    LogId of(OrganisationId organisation) {
        LogId id = known.get(organisation);
        return id != null ? id : read(organisation).orElse(LogId.NONE);
    }

    /**
     * The organisation's log id, creating its empty log (a head of size 0) the first time. Runs in
     * the caller's transaction.
     */
    LogId ensure(OrganisationId organisation, long now) {
        LogId id = of(organisation);
        if (!id.equals(LogId.NONE)) {
            return id;
        }
        jdbc.sql("""
                        INSERT INTO log_heads (organisation_id, size, updated_at) VALUES (:org, 0, :now)
                        ON CONFLICT (organisation_id) DO NOTHING
                        """).param("org", organisation.toString()).param("now", now).update();
        return read(organisation).orElseThrow();
    }

    private Optional<LogId> read(OrganisationId organisation) {
        Optional<LogId> id = jdbc.sql("SELECT log_id FROM log_heads WHERE organisation_id = :org")
                .param("org", organisation.toString())
                .query((row, n) -> new LogId(row.getLong(1)))
                .optional();
        id.ifPresent(found -> remember(organisation, found));
        return id;
    }

    /**
     * Caches an id once it is known to be committed: a head row read inside a transaction may be
     * this transaction's own insert, and were it rolled back, SQLite could give the same id to the
     * next new log.
     */
    private void remember(OrganisationId organisation, LogId id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            known.put(organisation, id);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                known.put(organisation, id);
            }
        });
    }
}
