package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The checkpoint lock of several nodes on PostgreSQL: a row per log, apart from the tiles, moved by
 * a conditional UPDATE in its own transaction, so of two nodes signing at once exactly one wins.
 */
final class DatabaseCheckpointLock implements CheckpointLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    DatabaseCheckpointLock(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public Optional<String> read(OrganisationId organisation) {
        return jdbc.sql("SELECT note FROM log_checkpoint_locks WHERE organisation_id = :org")
                .param("org", organisation.toString())
                .query(String.class)
                .optional();
    }

    @Override
    public boolean compareAndSwap(OrganisationId organisation, Optional<String> expected, String next) {
        Integer changed = ownTransaction.execute(status -> expected.isEmpty()
                ? jdbc.sql("""
                                INSERT INTO log_checkpoint_locks (organisation_id, note, updated_at)
                                VALUES (:org, :next, :now) ON CONFLICT (organisation_id) DO NOTHING
                                """)
                        .param("org", organisation.toString())
                        .param("next", next)
                        .param("now", clock.millis())
                        .update()
                : jdbc.sql("""
                                UPDATE log_checkpoint_locks SET note = :next, updated_at = :now
                                WHERE organisation_id = :org AND note = :expected
                                """)
                        .param("org", organisation.toString())
                        .param("next", next)
                        .param("expected", expected.get())
                        .param("now", clock.millis())
                        .update());
        return changed != null && changed == 1;
    }

    @Override
    public String describe() {
        return "database table log_checkpoint_locks";
    }
}
