package io.serviceproof.common.persistence;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;

/**
 * SQLite has one writer at a time and no queue: a writer that finds the database locked polls,
 * sleeping longer each time, and a busy writer that commits and begins again at once can starve it
 * past its busy timeout (seen with the SLA tracker catching up with ten million events while
 * checkpoints were due). Every transaction here begins IMMEDIATE, taking the write lock, so
 * transactions first queue on a fair lock in the JVM, in arrival order. Only on SQLite; PostgreSQL
 * queues its own writers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:sqlite:')")
class SqliteWriters {

    /** As long as SQLite's own busy timeout (application.yml). */
    static final long WAIT_SECONDS = 30;

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new FairTransactionManager(dataSource);
    }

    static final class FairTransactionManager extends JdbcTransactionManager {

        private final transient ReentrantLock writer = new ReentrantLock(true);

        FairTransactionManager(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            try {
                if (!writer.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new CannotCreateTransactionException(
                            "the database stayed busy for " + WAIT_SECONDS + " s; try again");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CannotCreateTransactionException("interrupted while waiting for the database", e);
            }
            try {
                super.doBegin(transaction, definition);
            } catch (RuntimeException | Error e) {
                writer.unlock();
                throw e;
            }
        }

        @Override
        protected void doCleanupAfterCompletion(Object transaction) {
            try {
                super.doCleanupAfterCompletion(transaction);
            } finally {
                if (writer.isHeldByCurrentThread()) {
                    writer.unlock();
                }
            }
        }
    }

    /**
     * Evicts a pooled connection on SQLITE_BUSY instead of returning it to the pool: the driver can
     * fail {@code BEGIN IMMEDIATE} after switching its own auto-commit off, and such a connection
     * would run its next "transaction" without one. Named in application.yml.
     */
    public static final class BusyConnectionEviction implements SQLExceptionOverride {

        /** SQLite's primary result code for "database is locked". */
        static final int SQLITE_BUSY = 5;

        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException e) {
            return (e.getErrorCode() & 0xff) == SQLITE_BUSY
                    ? SQLExceptionOverride.Override.MUST_EVICT
                    : SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    }
}
