package io.serviceproof.benchmarks;

import io.serviceproof.identity.OrganisationDirectory;
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
 * Loading the starter library, in its two steps: reading and validating the shipped YAML files
 * (once per JVM, at start-up), and installing the organisation's own copy (22 frameworks,
 * adoptions, crosswalks, markets, recognition) in the transaction that creates the organisation.
 * Single-shot: with {@code -wi 0 -i 1} and several forks each score is a cold first run in a fresh
 * JVM; with warm-up iterations it is the steady state.
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
        server = BenchmarkServer.temporary("library");
        organisations = server.bean(OrganisationDirectory.class);
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    /** What start-up does once: every file listed in library.yaml, parsed and validated. */
    @Benchmark
    public Object readStarterLibrary() throws java.io.IOException {
        ClassLoader loader = CatalogLibraryBenchmark.class.getClassLoader();
        java.util.List<io.serviceproof.catalog.exchange.LibraryDocument> documents = new java.util.ArrayList<>();
        try (java.io.InputStream index = loader.getResourceAsStream("catalog/library/library.yaml")) {
            String text = new String(index.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                String file = line.strip();
                if (file.startsWith("- ")) {
                    try (java.io.InputStream in = loader.getResourceAsStream(
                            "catalog/library/" + file.substring(2).strip())) {
                        documents.add(io.serviceproof.catalog.exchange.LibraryYaml.read(in));
                    }
                }
            }
        }
        if (documents.size() < 20) {
            throw new IllegalStateException("library.yaml lists " + documents.size() + " files");
        }
        return documents;
    }

    @Benchmark
    public Object installStarterLibrary() {
        String slug = "library-" + next++;
        return organisations.create(slug, slug, "benchmark", false);
    }
}
