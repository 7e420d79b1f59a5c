package io.serviceproof.ledger;

import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Chooses the checkpoint lock: a file per log on the embedded default (one process, and a copy of
 * the database alone then cannot roll the log back unseen), a row per log when several nodes share
 * PostgreSQL. {@code serviceproof.ledger.checkpoint-lock} = {@code file} or {@code database} overrides.
 */
@Configuration(proxyBeanMethods = false)
class CheckpointLockConfiguration {

    @Bean
    CheckpointLock checkpointLock(
            @Value("${serviceproof.ledger.checkpoint-lock:}") String kind,
            @Value("${serviceproof.ledger.checkpoint-lock-dir}") Path folder,
            @Value("${serviceproof.data-dir}") Path dataDir,
            @Value("${spring.datasource.url}") String databaseUrl,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        String chosen = kind.isBlank() ? (databaseUrl.startsWith("jdbc:sqlite:") ? "file" : "database") : kind;
        return switch (chosen) {
            case "file" -> {
                if (folder.toAbsolutePath()
                        .normalize()
                        .startsWith(dataDir.toAbsolutePath().normalize())) {
                    LoggerFactory.getLogger(CheckpointLock.class)
                            .warn(
                                    "The checkpoint lock is inside the data folder ({}): restoring an old copy of that folder "
                                            + "restores the lock too, and the server cannot notice. Set SERVICEPROOF_CHECKPOINT_LOCK_DIR "
                                            + "to a folder outside it (docs/operations.md, Checkpoint lock).",
                                    folder.toAbsolutePath());
                }
                yield new FileCheckpointLock(folder);
            }
            case "database" -> new DatabaseCheckpointLock(jdbc, transactions, clock);
            default ->
                throw new IllegalStateException(
                        "serviceproof.ledger.checkpoint-lock must be 'file' or 'database', not '" + kind + "'");
        };
    }
}
