package io.serviceproof.benchmarks;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.InclusionProof;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.ledger.LogReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Latency of the ledger's inclusion proof (what {@code GET /api/v1/ledger/proofs/inclusion} does,
 * without HTTP) for random entries of a large log on the embedded SQLite store. The log is built once
 * by appending through the ledger and kept under {@code benchmarks/target/bench-data}, so later runs
 * reuse it. Sample-time mode reports percentiles; the target is p99 at most 1 ms at 10 million.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InclusionProofBenchmark {

    @Param("10000000")
    long entries;

    private BenchmarkServer server;
    private Actor actor;
    private LogReader reader;
    private long published;
    private final SplittableRandom random = new SplittableRandom(9162);

    @Setup(Level.Trial)
    public void buildOrReuseLog() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "bench-data", "proof-" + entries));
        server = new BenchmarkServer(data);
        actor = server.actorFor("proofs");
        Ledger ledger = server.bean(Ledger.class);
        reader = server.bean(LogReader.class);
        long size = Tenancy.callAs(actor, ledger::size);
        while (size < entries) {
            int batch = (int) Math.min(LedgerAppendBenchmark.BATCH, entries - size);
            long first = size;
            Tenancy.callAs(actor, () -> ledger.appendAll(Events.batch("p-", first, batch)));
            size += batch;
        }
        reader.publishNow(actor.organisationId());
        published = reader.latestCheckpoint(actor.organisationId()).size();
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    @Benchmark
    public InclusionProof inclusionProofOfARandomEntry() {
        return reader.inclusion(actor.organisationId(), random.nextLong(published));
    }
}
