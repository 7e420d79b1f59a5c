package io.serviceproof.benchmarks;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Framework;
import io.serviceproof.catalog.exchange.Locations;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Tenancy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * Reading the catalog of an organisation that holds the starter library plus synthetic frameworks:
 * 20 frameworks of 1,000 requirements (searched), and two of 1,000 joined by 1,000 confirmed direct
 * mappings and 1,000 two-hop paths through a third (compared). Sampled, so JMH reports p95.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CatalogQueryBenchmark {

    static final int SEARCHED_FRAMEWORKS = 20;
    static final int REQUIREMENTS = 1000;

    private BenchmarkServer server;
    private Actor actor;
    private Catalog catalog;
    private String left;
    private String right;
    private String edited;
    private final List<String> queries = new ArrayList<>();
    private int nextQuery;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = BenchmarkServer.temporary("catalog");
        actor = server.actorFor("bench");
        catalog = server.bean(Catalog.class);
        Tenancy.runAs(actor, this::load);
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            queries.add(
                    switch (i % 4) {
                        case 0 -> pick(SyntheticCatalog.ENGLISH, random);
                        case 1 -> pick(SyntheticCatalog.ENGLISH, random) + " " + pick(SyntheticCatalog.ENGLISH, random);
                        case 2 -> pick(SyntheticCatalog.CHINESE, random);
                        default -> (1 + random.nextInt(11)) + "." + (1 + random.nextInt(9));
                    });
        }
        // The first search after a change builds the index; that is measured by rebuildAndSearch.
        Tenancy.callAs(actor, () -> catalog.search("access", 20));
    }

    private void load() {
        List<String> frameworks = new ArrayList<>();
        for (int i = 0; i < SEARCHED_FRAMEWORKS; i++) {
            frameworks.add(SyntheticCatalog.framework("searched-" + i, REQUIREMENTS));
        }
        catalog.importDocument(SyntheticCatalog.document(frameworks, List.of()), Locations.YAML, "benchmark");

        List<String> mappings = new ArrayList<>();
        List<String> refs = catalog.requirements(idOf("searched-0")).stream()
                .map(r -> r.refId())
                .toList();
        Random random = new Random(11);
        for (String ref : refs) {
            // Direct links for half, a two-hop path through "via" for the other half, some both.
            if (random.nextBoolean()) {
                mappings.add(SyntheticCatalog.mapping(
                        "left@1#" + ref, "right@1#" + ref, "equivalent-to", 7 + random.nextInt(4)));
            } else {
                mappings.add(SyntheticCatalog.mapping("left@1#" + ref, "via@1#" + ref, "subset-of", 8));
                mappings.add(SyntheticCatalog.mapping("via@1#" + ref, "right@1#" + ref, "intersects-with", 6));
            }
        }
        catalog.importDocument(
                SyntheticCatalog.document(
                        List.of(
                                SyntheticCatalog.framework("left", REQUIREMENTS),
                                SyntheticCatalog.framework("right", REQUIREMENTS),
                                SyntheticCatalog.framework("via", REQUIREMENTS)),
                        mappings),
                Locations.YAML,
                "benchmark");
        left = idOf("left");
        edited = catalog.requirements(left).get(0).id();
        right = idOf("right");
    }

    private String idOf(String key) {
        return catalog.frameworks().stream()
                .filter(f -> f.key().equals(key))
                .map(Framework::id)
                .findFirst()
                .orElseThrow();
    }

    private static String pick(List<String> words, Random random) {
        return words.get(random.nextInt(words.size()));
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    /** One ranked search (top 20) over about 23,500 requirements, as the search box asks. */
    @Benchmark
    public Object search() {
        String query = queries.get(nextQuery++ % queries.size());
        return Tenancy.callAs(actor, () -> catalog.search(query, 20));
    }

    /**
     * The first search after the catalog changed: editing one requirement moves the revision, so
     * the search rebuilds the organisation's index from the database (about 23,500 requirements).
     * Run single-shot: {@code -bm ss}.
     */
    @Benchmark
    public Object searchAfterAnEdit() {
        int n = nextQuery++;
        return Tenancy.callAs(actor, () -> {
            catalog.editRequirement(edited, "Edited requirement " + n, null, null, null, null);
            return catalog.search("access", 20);
        });
    }

    /** The coverage matrix of two 1,000-requirement frameworks, crosswalk loaded from the database. */
    @Benchmark
    public Object coverageMatrix() {
        return Tenancy.callAs(actor, () -> catalog.compare(left, right));
    }
}
