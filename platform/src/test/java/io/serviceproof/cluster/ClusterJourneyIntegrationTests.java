package io.serviceproof.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.ServerProcess;
import io.serviceproof.TestDatabaseInitializer;
import io.serviceproof.cli.ServiceProofVerify;
import io.serviceproof.ledger.LogClient;
import io.serviceproof.verifier.dossier.DossierVerifier;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tiles.LogAuditor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: two packaged nodes on one PostgreSQL behind a real haproxy (round-robin, no
 * stickiness), used as people and machines use them. A signed-in person stays signed in whichever
 * node answers; a file uploaded through one node is downloaded through the other; a dossier built on
 * one is served by both; several clients append through the balancer while one node is killed with
 * SIGKILL, and nothing acknowledged is lost or logged twice; the scheduled jobs carry on on the
 * surviving node; the killed node comes back into rotation. Last, the whole state is backed up with
 * {@code pg_dump}, restored into a fresh database, and a node started on it passes
 * {@code serviceproof-verify log} and serves a dossier that verifies.
 */
class ClusterJourneyIntegrationTests {

    private static final String OWNER = "owner@demo.serviceproof.io";
    private static final String PASSWORD = "demo-password-2026";
    private static final int CLIENTS = 4;
    private static final int BATCHES = 25;
    private static final int BATCH = 100;

    @Test
    void twoNodesBehindABalancerAreOneProductAndItsStateLivesInPostgresqlAlone() throws Exception {
        Assumptions.assumeTrue(
                TestDatabaseInitializer.onPostgresql(),
                "more than one node needs PostgreSQL; SQLite is a single-node store");
        Path folder = Files.createTempDirectory("serviceproof-cluster");
        String database =
                "cluster" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, String> node1Env = Cluster.nodeEnvironment(database, folder.resolve("data-1"));
        Map<String, String> node2Env = Cluster.sameCluster(node1Env, folder.resolve("data-2"));
        int node1Port = ServerProcess.freePort();

        ServerProcess node1 = ServerProcess.start(node1Env, folder.resolve("node-1.log"), node1Port);
        try (ServerProcess node2 = ServerProcess.start(node2Env, folder.resolve("node-2.log"));
                Haproxy balancer = new Haproxy(List.of(node1Port, node2.port()))) {
            String engineer = ServerProcess.admin(node1Env, "token", "--org", "demo", "--role", "ENGINEER");
            String manager = ServerProcess.admin(node1Env, "token", "--org", "demo", "--role", "COMPLIANCE_MANAGER");
            Api api = new Api(balancer.baseUrl());

            // A person signs in and works on: the form, the sign-in and the pages land on both nodes.
            Browser browser = new Browser(balancer.baseUrl());
            Browser.Page signedIn = browser.signIn(OWNER, PASSWORD);
            assertThat(signedIn.status()).isEqualTo(302);
            assertThat(signedIn.location()).doesNotContain("/login");
            assertThat(pagesServedBy(browser, 6)).containsExactlyInAnyOrder("node1", "node2");

            // Evidence uploaded through one node is downloaded, byte for byte, through each.
            byte[] file = ("Remote technician training record " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            Api.Answer uploaded = api.uploadEvidence(manager, "training-record.txt", file);
            String evidence = (String) Cluster.json(uploaded.body()).get("id");
            Set<String> downloadedFrom = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                Api.Answer download = api.get(manager, "/api/v1/evidence/" + evidence + "/content");
                assertThat(download.status()).isEqualTo(200);
                assertThat(download.bytes()).isEqualTo(file);
                downloadedFrom.add(download.servedBy());
            }
            assertThat(downloadedFrom).containsExactlyInAnyOrder("node1", "node2");

            // A dossier built in the background on one node; its progress and file come from either.
            String did = new String(api.get(manager, "/orgs/demo/did.json").bytes(), StandardCharsets.UTF_8);
            String build = api.startDossier(manager);
            byte[] dossier = api.awaitDossier(manager, build);
            assertThat(DossierVerifier.verify(dossier, Optional.of(did), Instant.now())
                            .valid())
                    .isTrue();
            for (ServerProcess node : List.of(node1, node2)) {
                assertThat(new Api(node.baseUrl()).get(manager, build + "/file").bytes())
                        .as("the dossier served by %s", node.baseUrl())
                        .isEqualTo(dossier);
            }

            // Several clients append through the balancer; node 1 is killed in the middle of it.
            Map<String, Long> acknowledged = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> runs = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String prefix = "c" + c;
                LogClient client = new LogClient(balancer.baseUrl(), engineer);
                runs.add(clients.submit(() -> appendRetryingUntilAcknowledged(client, prefix, acknowledged)));
            }
            while (acknowledged.size() < CLIENTS * BATCHES * BATCH / 4) {
                Thread.sleep(20);
            }
            Object jobRanBefore = Cluster.lockedAt(node1Env, "witness-cosigning");
            node1.kill();
            for (Future<?> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
            clients.shutdown();
            assertThat(acknowledged).hasSize(CLIENTS * BATCHES * BATCH);

            // The person is still signed in, now served by node 2 alone; node 2 runs the schedule.
            assertThat(pagesServedBy(browser, 3)).containsOnly("node2");
            Cluster.await(
                    Duration.ofSeconds(30),
                    "a scheduled job run after node 1 died",
                    () -> !Cluster.lockedAt(node1Env, "witness-cosigning").equals(jobRanBefore));

            // Node 1 restarts (in a rolling upgrade, still on the old release, after a newer node has
            // migrated the schema) and the balancer sends it requests again, of the same session.
            Cluster.migrateAsANewerRelease(node1Env);
            node1 = ServerProcess.start(node1Env, folder.resolve("node-1.log"), node1Port);
            Cluster.await(
                    Duration.ofSeconds(30),
                    "node 1 back in rotation",
                    () -> pagesServedBy(browser, 2).contains("node1"));

            // Every acknowledged event is in the log once, at the index it was acknowledged with.
            LogClient reader = new LogClient(balancer.baseUrl(), engineer);
            reader.publishCheckpoint();
            VerifierKey key = VerifierKey.parse(new String(reader.fetch("vkey"), StandardCharsets.UTF_8).strip());
            LogAuditor.Audit audit = new LogAuditor(reader, key).auditAll();
            Map<Long, String> logged = reader.eventIdsByIndex(audit.checkpoint().size());
            acknowledged.forEach((eventId, index) -> assertThat(logged.get(index))
                    .as("acknowledged %s at %d", eventId, index)
                    .isEqualTo(eventId));
            Map<String, Long> timesLogged = new HashMap<>();
            logged.values().forEach(id -> timesLogged.merge(id, 1L, Long::sum));
            assertThat(timesLogged)
                    .allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1L));
            assertThat(verifyLog(balancer.baseUrl(), key)).isEqualTo(0);

            // Back-up and restore from PostgreSQL alone: a fresh database, a fresh node, the same proofs.
            Path dump = folder.resolve("backup.dump");
            Cluster.pgDump(node1Env, dump);
            String restored = database + "_restored";
            Map<String, String> restoredEnv = Cluster.restore(node1Env, dump, restored, folder.resolve("data-3"));
            try (ServerProcess fresh = ServerProcess.start(restoredEnv, folder.resolve("node-3.log"))) {
                assertThat(verifyLog(fresh.baseUrl(), key)).isEqualTo(0);
                assertThat(new LogAuditor(new LogClient(fresh.baseUrl(), engineer), key)
                                .auditAll()
                                .checkpoint()
                                .size())
                        .isGreaterThanOrEqualTo(audit.checkpoint().size());
                byte[] restoredDossier =
                        new Api(fresh.baseUrl()).get(manager, build + "/file").bytes();
                assertThat(restoredDossier).isEqualTo(dossier);
                assertThat(DossierVerifier.verify(restoredDossier, Optional.of(did), Instant.now())
                                .valid())
                        .isTrue();
                assertThat(new Api(fresh.baseUrl())
                                .get(manager, "/api/v1/evidence/" + evidence + "/content")
                                .bytes())
                        .isEqualTo(file);
            } finally {
                Cluster.dropDatabase(node1Env, restored);
            }
        } finally {
            node1.close();
        }
    }

    /** The nodes that served {@code count} signed-in page views; each view must be signed in. */
    private static Set<String> pagesServedBy(Browser browser, int count) throws Exception {
        Set<String> nodes = new HashSet<>();
        for (int i = 0; i < count; i++) {
            Browser.Page page = browser.get("/");
            assertThat(page.status()).as("signed in on %s", page.servedBy()).isEqualTo(200);
            assertThat(page.body()).contains(OWNER);
            nodes.add(page.servedBy());
        }
        return nodes;
    }

    /**
     * What a well-behaved producer does: a batch not acknowledged (the node died under it, the
     * balancer answered 502) is sent again, with the same event ids, until it is.
     */
    private static Void appendRetryingUntilAcknowledged(LogClient client, String prefix, Map<String, Long> acknowledged)
            throws InterruptedException {
        for (int b = 0; b < BATCHES; b++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                ids.add(prefix + "-" + b + "-" + i);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    acknowledged.putAll(client.append(ids));
                    break;
                } catch (Exception notAcknowledged) {
                    if (attempt == 40) {
                        throw new IllegalStateException(
                                "batch " + prefix + "-" + b + " never acknowledged", notAcknowledged);
                    }
                    Thread.sleep(250);
                }
            }
        }
        return null;
    }

    private static int verifyLog(String baseUrl, VerifierKey key) {
        StringWriter err = new StringWriter();
        int exit = ServiceProofVerify.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err, true),
                "log",
                "--url",
                baseUrl + "/logs/demo",
                "--vkey",
                key.toString());
        assertThat(err.toString()).doesNotContain("INVALID");
        return exit;
    }
}
