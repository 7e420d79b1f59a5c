package io.serviceproof.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.ServerProcess;
import io.serviceproof.TestDatabaseInitializer;
import io.serviceproof.cli.ServiceProofVerify;
import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.CheckpointVerifier;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tiles.LogAuditor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The packaged server, killed with SIGKILL in the middle of sustained batch ingest, loses nothing it
 * acknowledged and never rewrites history; and on PostgreSQL two servers appending to one log at
 * once produce one consistent log.
 */
class LedgerDurabilityIntegrationTests {

    private static final int BATCH = 200;

    @Test
    void aKillDashNineDuringIngestLosesNoAcknowledgedEventAndRewritesNothing() throws Exception {
        Path folder = Files.createTempDirectory("serviceproof-kill");
        Map<String, String> env = TestDatabaseInitializer.serverEnvironment("kill" + shortId(), folder.resolve("data"));
        Path log = folder.resolve("server.log");
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        List<String> checkpointsSeen = new CopyOnWriteArrayList<>();

        ServerProcess server = ServerProcess.start(env, log);
        String token = ServerProcess.admin(env, "token", "--org", "demo", "--role", "ENGINEER");
        LogClient client = new LogClient(server.baseUrl(), token);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        Future<?> ingest = workers.submit(() -> ingestUntilRefused(client, "k", acknowledged, running));
        Future<?> watch = workers.submit(() -> watchCheckpoints(client, checkpointsSeen, running));
        while (acknowledged.size() < 4_000 && !ingest.isDone()) {
            Thread.sleep(20);
        }
        server.kill();
        running.set(false);
        workers.shutdown();
        assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(4_000);
        assertThat(checkpointsSeen).isNotEmpty();

        try (ServerProcess restarted = ServerProcess.start(env, log)) {
            LogClient after = new LogClient(restarted.baseUrl(), token);
            after.publishCheckpoint();
            VerifierKey key = VerifierKey.parse(new String(after.fetch("vkey"), StandardCharsets.UTF_8).strip());
            LogAuditor auditor = new LogAuditor(after, key);
            LogAuditor.Audit audit = auditor.auditAll();

            Map<Long, String> logged = after.eventIdsByIndex(audit.checkpoint().size());
            acknowledged.forEach((eventId, index) -> assertThat(logged.get(index))
                    .as("acknowledged %s at %d", eventId, index)
                    .isEqualTo(eventId));
            for (String note : checkpointsSeen) {
                Checkpoint before = CheckpointVerifier.verify(note.getBytes(StandardCharsets.UTF_8), key);
                auditor.verifyConsistency(before, audit.checkpoint());
            }

            // The published verifier finds a byte changed behind the server's back, and names the entry.
            String url = restarted.baseUrl() + "/logs/demo";
            assertThat(verify(url, key)).isEqualTo(0);
            long victim = acknowledged.get("k-3-17");
            TestLogs.flipByteOfEntry(env, folder.resolve("data"), victim);
            StringWriter err = new StringWriter();
            assertThat(ServiceProofVerify.run(
                            new PrintWriter(new StringWriter()),
                            new PrintWriter(err, true),
                            "log",
                            "--url",
                            url,
                            "--vkey",
                            key.toString()))
                    .isEqualTo(1);
            assertThat(err.toString()).contains("INVALID", "entry " + victim + " ");
        }
    }

    private static int verify(String url, VerifierKey key) {
        return ServiceProofVerify.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                "log",
                "--url",
                url,
                "--vkey",
                key.toString());
    }

    @Test
    void twoServersAppendingToOneLogOnPostgresqlProduceOneConsistentLog() throws Exception {
        Assumptions.assumeTrue(
                TestDatabaseInitializer.onPostgresql(),
                "more than one node needs PostgreSQL; SQLite is a single-node store");
        Path folder = Files.createTempDirectory("serviceproof-nodes");
        String database = "nodes" + shortId();
        Map<String, String> first = TestDatabaseInitializer.serverEnvironment(database, folder.resolve("data-1"));
        Map<String, String> second = TestDatabaseInitializer.serverEnvironment(database, folder.resolve("data-2"));
        Files.createDirectories(folder.resolve("data-2"));
        // Both nodes must seal and unseal log keys alike: one master key for the cluster.
        String masterKey =
                java.util.Base64.getEncoder().encodeToString(io.serviceproof.verifier.note.Ed25519.newSeed());
        first.put("SERVICEPROOF_MASTER_KEY", masterKey);
        second.put("SERVICEPROOF_MASTER_KEY", masterKey);

        try (ServerProcess one = ServerProcess.start(first, folder.resolve("node-1.log"));
                ServerProcess two = ServerProcess.start(second, folder.resolve("node-2.log"))) {
            String token = ServerProcess.admin(first, "token", "--org", "demo", "--role", "ENGINEER");
            Map<String, Long> acknowledged = new ConcurrentHashMap<>();
            ExecutorService workers = Executors.newFixedThreadPool(2);
            List<Future<?>> runs = new ArrayList<>();
            for (ServerProcess node : List.of(one, two)) {
                LogClient client = new LogClient(node.baseUrl(), token);
                String prefix = node == one ? "n1" : "n2";
                runs.add(workers.submit(() -> {
                    for (int b = 0; b < 15; b++) {
                        acknowledged.putAll(client.append(batch(prefix + "-" + b)));
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
            workers.shutdown();

            LogClient reader = new LogClient(one.baseUrl(), token);
            reader.publishCheckpoint();
            VerifierKey key = VerifierKey.parse(new String(reader.fetch("vkey"), StandardCharsets.UTF_8).strip());
            assertThat(new String(new LogClient(two.baseUrl(), token).fetch("vkey"), StandardCharsets.UTF_8).strip())
                    .isEqualTo(key.toString());
            LogAuditor.Audit audit = new LogAuditor(reader, key).auditAll();

            assertThat(acknowledged).hasSize(2 * 15 * BATCH);
            assertThat(acknowledged.values()).doesNotHaveDuplicates();
            Map<Long, String> logged = reader.eventIdsByIndex(audit.checkpoint().size());
            acknowledged.forEach(
                    (eventId, index) -> assertThat(logged.get(index)).isEqualTo(eventId));
        }
    }

    private static void ingestUntilRefused(
            LogClient client, String prefix, Map<String, Long> acknowledged, AtomicBoolean running) {
        for (int b = 0; running.get(); b++) {
            try {
                acknowledged.putAll(client.append(batch(prefix + "-" + b)));
            } catch (Exception refusedOrKilled) {
                return;
            }
        }
    }

    private static void watchCheckpoints(LogClient client, List<String> seen, AtomicBoolean running) {
        while (running.get()) {
            try {
                seen.add(new String(client.fetch("checkpoint"), StandardCharsets.UTF_8));
                Thread.sleep(150);
            } catch (Exception killed) {
                return;
            }
        }
    }

    private static List<String> batch(String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            ids.add(prefix + "-" + i);
        }
        return ids;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
