package io.serviceproof.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.ServerProcess;
import io.serviceproof.TestDatabaseInitializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The operator's own server refuses to sign over storage that no longer reproduces what it signed:
 * a byte changed in the last, unfinished tile, or a database restored from a copy taken before
 * acknowledged events. The packaged server is stopped, the storage is changed behind its back, and
 * the restarted server must halt that log (503 to appends, health DOWN, the checkpoint unchanged)
 * rather than sequence or sign; repairing the storage lifts the halt.
 */
class LogIntegrityIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aByteChangedInTheUnfinishedTileHaltsTheLogInsteadOfBeingSignedOver() throws Exception {
        Path folder = Files.createTempDirectory("serviceproof-tamper");
        Map<String, String> env =
                TestDatabaseInitializer.serverEnvironment("tamper" + shortId(), folder.resolve("data"));
        Path log = folder.resolve("server.log");
        String token;
        String signed;
        long victim;
        try (ServerProcess server = ServerProcess.start(env, log)) {
            token = ServerProcess.admin(env, "token", "--org", "demo", "--role", "ENGINEER");
            LogClient client = new LogClient(server.baseUrl(), token);
            Map<String, Long> acknowledged = client.append(ids("t", 300));
            client.publishCheckpoint();
            signed = new String(client.fetch("checkpoint"), StandardCharsets.UTF_8);
            victim = acknowledged.get("t-290");
            assertThat(victim % 256).as("in the last, unfinished tile").isGreaterThan(0);
        }
        TestLogs.flipByteOfEntry(env, folder.resolve("data"), victim);

        try (ServerProcess restarted = ServerProcess.start(env, log)) {
            HttpResponse<String> refused = append(restarted, token, "after-tamper");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("halted", "changed after they were signed");
            assertThat(get(restarted, "/actuator/health").statusCode()).isEqualTo(503);
            assertThat(publish(restarted, token).statusCode()).isEqualTo(503);
            assertThat(new String(
                            new LogClient(restarted.baseUrl(), token).fetch("checkpoint"), StandardCharsets.UTF_8))
                    .as("nothing new was signed")
                    .isEqualTo(signed);
        }
        assertThat(Files.readString(log)).contains("Halted the log of");

        TestLogs.flipByteOfEntry(env, folder.resolve("data"), victim);
        try (ServerProcess repaired = ServerProcess.start(env, log)) {
            assertThat(append(repaired, token, "after-repair").statusCode()).isEqualTo(201);
            assertThat(get(repaired, "/actuator/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDatabaseRestoredFromAnOlderCopyHaltsTheLogInsteadOfForkingIt() throws Exception {
        Path folder = Files.createTempDirectory("serviceproof-rollback");
        Path data = folder.resolve("data");
        Map<String, String> env = TestDatabaseInitializer.serverEnvironment("rollback" + shortId(), data);
        // As docs/operations.md advises: the checkpoint lock lives apart from the data folder.
        env.put("SERVICEPROOF_CHECKPOINT_LOCK_DIR", folder.resolve("lock").toString());
        env.put("SERVICEPROOF_CHECKPOINT_LOCK", "file");
        Path log = folder.resolve("server.log");
        String token;
        long sizeAtCopy;
        try (ServerProcess server = ServerProcess.start(env, log)) {
            token = ServerProcess.admin(env, "token", "--org", "demo", "--role", "ENGINEER");
            LogClient client = new LogClient(server.baseUrl(), token);
            client.append(ids("before", 100));
            client.publishCheckpoint();
            sizeAtCopy = checkpointSize(new String(client.fetch("checkpoint"), StandardCharsets.UTF_8));
        }
        Path copy = folder.resolve("copy");
        copyFolder(data, copy);
        Path verifierMemory = folder.resolve("buyer-verifier");
        String vkey;
        try (ServerProcess server = ServerProcess.start(env, log)) {
            LogClient client = new LogClient(server.baseUrl(), token);
            client.append(ids("after", 600));
            client.publishCheckpoint();
            assertThat(get(server, "/api/v1/ledger/entries?eventId=after-599", token)
                            .body())
                    .contains("after-599");
            vkey = new String(client.fetch("vkey"), StandardCharsets.UTF_8).strip();
            assertThat(verifyLog(server, vkey, verifierMemory).code()).isZero();
        }
        restore(env, copy, data, sizeAtCopy);

        try (ServerProcess restarted = ServerProcess.start(env, log)) {
            HttpResponse<String> refused = append(restarted, token, "after-rollback");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("halted", "entries " + sizeAtCopy + " to ", "are gone");
            assertThat(publish(restarted, token).statusCode()).isEqualTo(503);
            assertThat(get(restarted, "/actuator/health").statusCode()).isEqualTo(503);

            // A buyer who verified the log before the restore is told, without having saved anything by hand.
            Verification rerun = verifyLog(restarted, vkey, verifierMemory);
            assertThat(rerun.code()).isEqualTo(1);
            assertThat(rerun.err()).contains("ROLLBACK", "remembered checkpoint", "checkpoint shown now");
        }
    }

    private record Verification(int code, String err) {}

    private static Verification verifyLog(ServerProcess server, String vkey, Path memory) {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.serviceproof.cli.ServiceProofVerify.run(
                new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err, true),
                "log",
                "--url",
                server.baseUrl() + "/logs/demo",
                "--vkey",
                vkey,
                "--state",
                memory.toString());
        return new Verification(code, err.toString());
    }

    private HttpResponse<String> append(ServerProcess server, String token, String eventId) throws Exception {
        String body = "{\"eventId\":\"" + eventId + "\",\"type\":\"heartbeat\",\"occurredAt\":\"2026-11-26T08:00:00Z\","
                + "\"serviceLayerId\":\"o-and-m\",\"payload\":{\"machine\":\"cnc-7\"}}";
        return http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/ledger/entries"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> publish(ServerProcess server, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/ledger/checkpoints"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(ServerProcess server, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(ServerProcess server, String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long checkpointSize(String note) {
        return Long.parseLong(note.split("\n")[1]);
    }

    /**
     * Puts the storage back as the copy had it. On SQLite that is the copied data folder itself; a
     * PostgreSQL database is not a folder, so the log's rows past the copy are removed instead, which
     * leaves the log tables exactly as a restore of that moment would.
     */
    private static void restore(Map<String, String> env, Path copy, Path data, long size) throws Exception {
        if (!TestDatabaseInitializer.onPostgresql()) {
            deleteFolder(data);
            copyFolder(copy, data);
            return;
        }
        try (Connection db = TestLogs.connect(env, data)) {
            // The demo organisation's log: the demo certification body has a log of its own.
            long logId;
            String organisation;
            try (PreparedStatement read = db.prepareStatement("""
                    SELECT h.log_id, h.organisation_id FROM log_heads h
                    JOIN organisations o ON o.id = h.organisation_id WHERE o.slug = 'demo'
                    """)) {
                ResultSet row = read.executeQuery();
                assertThat(row.next()).isTrue();
                logId = row.getLong(1);
                organisation = row.getString(2);
            }
            for (String sql : List.of(
                    "DELETE FROM log_entries WHERE log_id = ? AND idx >= ?",
                    "DELETE FROM log_leaf_tiles WHERE log_id = ? AND (tile_index + 1) * 256 > ?",
                    "DELETE FROM log_nodes WHERE log_id = ? AND (idx + 1) * (1 << level) > ?",
                    "UPDATE log_heads SET size = ? WHERE log_id = ?")) {
                try (PreparedStatement statement = db.prepareStatement(sql)) {
                    if (sql.startsWith("UPDATE")) {
                        statement.setLong(1, size);
                        statement.setLong(2, logId);
                    } else {
                        statement.setLong(1, logId);
                        statement.setLong(2, size);
                    }
                    statement.executeUpdate();
                }
            }
            try (PreparedStatement statement =
                    db.prepareStatement("DELETE FROM log_checkpoints WHERE organisation_id = ? AND size > ?")) {
                statement.setString(1, organisation);
                statement.setLong(2, size);
                statement.executeUpdate();
            }
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + "-" + i);
        }
        return ids;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
