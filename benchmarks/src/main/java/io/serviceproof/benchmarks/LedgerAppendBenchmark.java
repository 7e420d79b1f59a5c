package io.serviceproof.benchmarks;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable in-process appends on the embedded SQLite store (WAL, synchronous=FULL), in batches of
 * 1,000, next to the raw store doing the same work: the same rows batch-inserted into the same
 * database without the ledger (no canonical JSON, no hashing, no tree nodes, no sequencing).
 * Scores are events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LedgerAppendBenchmark {

    static final int BATCH = 1000;
    static final int LARGE_BATCH = 10_000;
    static final int IN_FLIGHT = 4;

    private BenchmarkServer server;
    private Actor actor;
    private Ledger ledger;
    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;
    private final AtomicLong next = new AtomicLong();
    private final java.util.ArrayDeque<CompletableFuture<?>> inFlight = new java.util.ArrayDeque<>();
    /** The raw store writes rows of the same size as the ledger's, prepared once. */
    private byte[] sampleEntry;

    private final List<Integer> offsets =
            java.util.stream.IntStream.range(0, BATCH).boxed().toList();
    private final List<Integer> largeOffsets =
            java.util.stream.IntStream.range(0, LARGE_BATCH).boxed().toList();

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = BenchmarkServer.temporary("append");
        actor = server.actorFor("bench");
        ledger = server.bean(Ledger.class);
        jdbc = server.bean(JdbcTemplate.class);
        transaction = server.bean(TransactionTemplate.class);
        sampleEntry = Events.batch("sample-", 0, 1).get(0).canonicalBytes();
        // The same table as log_entries (V39): a rowid table, the same unique index and event id, the same
        // two search indexes.
        jdbc.execute("""
                CREATE TABLE raw_entries (
                    log_id INTEGER NOT NULL, idx BIGINT NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL,
                    service_layer_id TEXT, occurred_at BIGINT NOT NULL, appended_at BIGINT NOT NULL,
                    entry BLOB NOT NULL)""");
        jdbc.execute("CREATE UNIQUE INDEX raw_entries_by_index ON raw_entries (log_id, idx)");
        jdbc.execute("CREATE UNIQUE INDEX raw_entries_by_event_id ON raw_entries (log_id, event_id)");
        jdbc.execute("CREATE INDEX raw_entries_by_type ON raw_entries (log_id, type, idx)");
        jdbc.execute("CREATE INDEX raw_entries_by_layer ON raw_entries (log_id, service_layer_id, idx)");
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object ledgerAppend() {
        return append(BATCH);
    }

    /** Larger durable batches amortise the commit's fsync further, as a busy gateway would. */
    @Benchmark
    @OperationsPerInvocation(LARGE_BATCH)
    public Object ledgerAppendLargeBatches() {
        return append(LARGE_BATCH);
    }

    /**
     * Two producers appending at once, as a gateway's ingest threads would: one prepares its batch
     * (canonical JSON, hashes) while the other's is written. The score is both together.
     */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public Object ledgerAppendTwoProducers() {
        return append(BATCH);
    }

    /**
     * One producer that hands batches over without waiting for each ({@link Ledger#submitAll}),
     * keeping at most {@value #IN_FLIGHT} unacknowledged: it prepares the next batch while the last
     * is written, and batches waiting together share a commit. At an iteration's end up to
     * {@value #IN_FLIGHT} batches are counted before their acknowledgement (0.4% of an iteration).
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object ledgerAppendPipelined() {
        List<EntryDraft> batch = Events.batch("e-", next.getAndAdd(BATCH), BATCH);
        inFlight.add(Tenancy.callAs(actor, () -> ledger.submitAll(batch)));
        return inFlight.size() > IN_FLIGHT ? inFlight.poll().join() : null;
    }

    /** Every batch handed over is acknowledged before the next iteration starts. */
    @TearDown(Level.Iteration)
    public void drain() {
        inFlight.forEach(CompletableFuture::join);
        inFlight.clear();
    }

    private Object append(int size) {
        List<EntryDraft> batch = Events.batch("e-", next.getAndAdd(size), size);
        return Tenancy.callAs(actor, () -> ledger.appendAll(batch));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object rawInsert() {
        return insertRaw(BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(LARGE_BATCH)
    public Object rawInsertLargeBatches() {
        return insertRaw(LARGE_BATCH);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public Object rawInsertTwoProducers() {
        return insertRaw(BATCH);
    }

    private Object insertRaw(int size) {
        long first = next.getAndAdd(size);
        List<Integer> offsets = size == BATCH ? this.offsets : largeOffsets;
        return transaction.execute(status -> jdbc.batchUpdate(
                "INSERT INTO raw_entries (log_id, idx, event_id, type, service_layer_id, occurred_at, appended_at, entry)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                offsets,
                BATCH,
                (statement, offset) -> {
                    long index = first + offset;
                    statement.setLong(1, 1);
                    statement.setLong(2, index);
                    statement.setString(3, "r-" + index);
                    statement.setString(4, "heartbeat");
                    statement.setString(5, "cloud-o-and-m");
                    statement.setLong(6, index);
                    statement.setLong(7, index);
                    statement.setBytes(8, sampleEntry);
                }));
    }
}
