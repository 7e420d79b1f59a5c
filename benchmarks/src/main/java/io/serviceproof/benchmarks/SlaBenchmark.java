package io.serviceproof.benchmarks;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.services.Offerings;
import io.serviceproof.sla.SlaPeriod;
import io.serviceproof.sla.SlaReport;
import io.serviceproof.sla.SlaReports;
import io.serviceproof.sla.SlaTracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * SLA measurement at scale, on the embedded SQLite store.
 *
 * <ul>
 *   <li>{@code monthReport}: a month's SLA report of the AI-inspection layer (five SLOs, daily
 *       series) over {@code events} logged events of that month, as users get it: merged from the
 *       tracker's day roll-ups;
 *   <li>{@code monthReportFromLog}: the same report with every event re-read from the log and
 *       measured (what {@code source=log} does to check the roll-ups);
 *   <li>{@code trackerPerEvent}: the incremental tracker's cost per new event, end to end: read the
 *       new entries from the log, feed each SLO's tally, check for breaches, persist tallies and
 *       cursor. Each invocation tracks {@value #TRACKED} freshly appended events (appending is not
 *       timed); the score is per event.
 * </ul>
 *
 * The month's events are 85 % inspection verdicts with latency, 12 % human reviews, 3 % heartbeats,
 * and an incident a day; they are appended through the ledger once into a data folder kept under
 * {@code benchmarks/target/} for later runs.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SlaBenchmark {

    static final int TRACKED = 50_000;
    static final YearMonth MONTH = YearMonth.of(2026, 10);

    @Param({"10000000"})
    public int events;

    private BenchmarkServer server;
    private Actor actor;
    private String layer;
    private long appended;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path data = Path.of("target", "sla-bench-" + events);
        boolean loaded = Files.exists(data.resolve("loaded"));
        Files.createDirectories(data);
        server = new BenchmarkServer(data);
        actor = server.actorFor("sla-bench");
        Offerings offerings = server.bean(Offerings.class);
        layer = Tenancy.callAs(
                actor,
                () -> offerings.allLayers().stream()
                        .filter(l -> l.code().equals("rqi"))
                        .findFirst()
                        .map(l -> l.id())
                        .orElseGet(() -> {
                            String offering = offerings
                                    .createOffering("Bench line", "", "", List.of("VN"))
                                    .id();
                            String id = offerings
                                    .createLayer(offering, "Inspection", "rqi", "ai-remote-quality-inspection", null)
                                    .id();
                            offerings.publish(id);
                            return id;
                        }));
        if (!loaded) {
            load();
            Files.writeString(data.resolve("loaded"), Integer.toString(events));
        }
        // The tracker catches up with the month once (timed here, reported beside the benchmarks);
        // the timed invocations then track only new events.
        Tenancy.runAs(actor, () -> appended = server.bean(Ledger.class).size());
        long started = System.nanoTime();
        int breaches = server.bean(SlaTracker.class).track(organisation()).size();
        System.out.printf(
                "%nTracker catch-up: %d entries in %.1f s (%d breaches)%n",
                appended, (System.nanoTime() - started) / 1e9, breaches);
    }

    private io.serviceproof.identity.Organisation organisation() {
        return server.bean(OrganisationDirectory.class).findBySlug("sla-bench").orElseThrow();
    }

    /** {@code events} events spread evenly over the month, in time order. */
    private void load() {
        Ledger ledger = server.bean(Ledger.class);
        Random random = new Random(7);
        Instant from = MONTH.atDay(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        long spanMillis = Duration.ofDays(MONTH.lengthOfMonth()).toMillis();
        int batch = 1000;
        for (int first = 0; first < events; first += batch) {
            List<EntryDraft> drafts = new ArrayList<>(batch);
            for (int i = first; i < Math.min(events, first + batch); i++) {
                Instant at = from.plusMillis(spanMillis * i / events);
                drafts.add(event("e" + i, at, random, i));
            }
            Tenancy.runAs(actor, () -> ledger.appendAll(drafts));
        }
    }

    static EntryDraft event(String id, Instant at, Random random, long n) {
        int kind = random.nextInt(100);
        Map<String, Object> payload;
        String type;
        if (n % 86_400 == 0) {
            type = "incident.opened";
            payload = Map.of("incidentId", "i" + n, "priority", "P2", "outage", false);
        } else if (n % 86_400 == 5) {
            type = "incident.resolved";
            payload = Map.of("incidentId", "i" + (n - 5), "firstTimeFix", true);
        } else if (kind < 85) {
            type = "inspection.verdict";
            payload = Map.of(
                    "verdict",
                    random.nextInt(20) == 0 ? "fail" : "pass",
                    "partId",
                    "p-" + n,
                    "modelVersion",
                    "rqi-3.2.1",
                    "latencyMs",
                    180 + random.nextInt(600),
                    "confidence",
                    0.9);
        } else if (kind < 97) {
            type = "inspection.review";
            payload = Map.of(
                    "truth", random.nextInt(10) == 0 ? "defective" : "good",
                    "verdict", random.nextInt(30) == 0 ? "fail" : "pass",
                    "reviewMinutes", random.nextInt(30));
        } else {
            type = "heartbeat";
            payload = Map.of("status", "up", "intervalSeconds", 60);
        }
        return new EntryDraft(id, type, at, "rqi", List.of(), payload, null);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public SlaReport monthReport() {
        return Tenancy.callAs(
                actor,
                () -> server.bean(SlaReports.class).report(layer, SlaPeriod.month(MONTH), SlaReports.Source.AUTO));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public SlaReport monthReportFromLog() {
        return Tenancy.callAs(
                actor,
                () -> server.bean(SlaReports.class).report(layer, SlaPeriod.month(MONTH), SlaReports.Source.LOG));
    }

    /** New events for the tracker, appended before each timed invocation. */
    @State(Scope.Thread)
    public static class NewEvents {

        @Setup(Level.Invocation)
        public void append(SlaBenchmark bench) {
            Ledger ledger = bench.server.bean(Ledger.class);
            Random random = new Random(bench.appended);
            Instant at = MONTH.plusMonths(1).atDay(2).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
            for (int first = 0; first < TRACKED; first += 1000) {
                List<EntryDraft> drafts = new ArrayList<>(1000);
                for (int i = 0; i < 1000; i++) {
                    long n = bench.appended++;
                    drafts.add(event("t" + n, at.plusMillis(n), random, n));
                }
                Tenancy.runAs(bench.actor, () -> ledger.appendAll(drafts));
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(TRACKED)
    public Object trackerPerEvent(NewEvents fresh) {
        return server.bean(SlaTracker.class).track(organisation());
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }
}
