package io.serviceproof.benchmarks;

import io.serviceproof.identity.OrganisationDirectory;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Loading the starter library: creating an organisation installs its own copy (22 frameworks,
 * adoptions, crosswalks, markets, recognition) in the creating transaction. Single-shot: with
 * {@code -wi 0 -i 1} and several forks each score is a cold first load in a fresh JVM (reading and
 * validating the YAML files included); with warm-up iterations it is the install alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CatalogLibraryBenchmark {

    private BenchmarkServer server;
    private OrganisationDirectory organisations;
    private int next;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = new BenchmarkServer(Files.createTempDirectory("serviceproof-bench-library"));
        organisations = server.bean(OrganisationDirectory.class);
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    @Benchmark
    public Object installStarterLibrary() {
        String slug = "library-" + next++;
        return organisations.create(slug, slug, "benchmark", false);
    }
}
