package io.serviceproof.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** On SQLite, a writer that commits and begins again at once cannot starve another. */
@SpringBootTest
class SqliteWritersIntegrationTests {

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBusyWriterCannotStarveAnother() throws Exception {
        Assumptions.assumeTrue(
                transactions instanceof SqliteWriters.FairTransactionManager,
                "SQLite only: PostgreSQL queues its writers");
        TransactionTemplate template = new TransactionTemplate(transactions);
        AtomicBoolean othersDone = new AtomicBoolean();
        AtomicBoolean busyStillRunning = new AtomicBoolean();
        CompletableFuture<Void> busy = CompletableFuture.runAsync(() -> {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!othersDone.get() && System.nanoTime() < until) {
                // Holds the write lock a while, like a batch being fed, then begins again at once.
                template.executeWithoutResult(s -> {
                    jdbc.sql("SELECT COUNT(*) FROM organisations")
                            .query(Long.class)
                            .single();
                    pause(20);
                });
            }
            busyStillRunning.set(othersDone.get());
        });
        pause(100);
        for (int i = 0; i < 5; i++) {
            template.executeWithoutResult(s -> jdbc.sql("SELECT COUNT(*) FROM organisations")
                    .query(Long.class)
                    .single());
        }
        othersDone.set(true);
        busy.get(30, TimeUnit.SECONDS);
        assertThat(busyStillRunning)
                .as("the other writer got its 5 turns while the busy one kept going")
                .isTrue();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aConnectionThatMetABusyDatabaseIsNotPooledAgain() {
        var eviction = new SqliteWriters.BusyConnectionEviction();
        assertThat(eviction.adjudicate(new SQLException("database is locked", null, 5)))
                .isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        // Extended result codes keep the primary code in their low byte (SQLITE_BUSY_SNAPSHOT = 517).
        assertThat(eviction.adjudicate(new SQLException("busy snapshot", null, 517)))
                .isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(eviction.adjudicate(new SQLException("constraint", null, 19)))
                .isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
    }
}
