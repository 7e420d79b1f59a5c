package io.serviceproof.benchmarks;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private BenchmarkServer server;
    private Actor actor;
    private Ledger ledger;
    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;
    private long next;
    /** The raw store writes rows of the same size as the ledger's, prepared once. */
    private byte[] sampleEntry;

    private byte[] sampleLeafHash;
    private final List<Integer> offsets =
            java.util.stream.IntStream.range(0, BATCH).boxed().toList();
    private final List<Integer> largeOffsets =
            java.util.stream.IntStream.range(0, LARGE_BATCH).boxed().toList();

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path data = Files.createTempDirectory("serviceproof-bench-append");
        server = new BenchmarkServer(data);
        actor = server.actorFor("bench");
        ledger = server.bean(Ledger.class);
        jdbc = server.bean(JdbcTemplate.class);
        transaction = server.bean(TransactionTemplate.class);
        sampleEntry = Events.batch("sample-", 0, 1).get(0).canonicalBytes();
        sampleLeafHash = Rfc9162.leafHash(sampleEntry);
        jdbc.execute("CREATE TABLE raw_entries AS SELECT * FROM log_entries WHERE 0 = 1");
        jdbc.execute("CREATE UNIQUE INDEX raw_entries_key ON raw_entries (organisation_id, idx)");
        jdbc.execute("CREATE UNIQUE INDEX raw_entries_event ON raw_entries (organisation_id, event_id)");
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

    private Object append(int size) {
        List<EntryDraft> batch = Events.batch("e-", next, size);
        next += size;
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

    private Object insertRaw(int size) {
        long first = next;
        next += size;
        List<Integer> offsets = size == BATCH ? this.offsets : largeOffsets;
        String org = actor.organisationId().toString();
        return transaction.execute(status -> jdbc.batchUpdate(
                "INSERT INTO raw_entries (organisation_id, idx, event_id, type, service_layer_id, occurred_at, appended_at, entry, leaf_hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                offsets,
                BATCH,
                (statement, offset) -> {
                    long index = first + offset;
                    statement.setString(1, org);
                    statement.setLong(2, index);
                    statement.setString(3, "r-" + index);
                    statement.setString(4, "heartbeat");
                    statement.setString(5, "cloud-o-and-m");
                    statement.setLong(6, index);
                    statement.setLong(7, index);
                    statement.setBytes(8, sampleEntry);
                    statement.setBytes(9, sampleLeafHash);
                }));
    }
}
