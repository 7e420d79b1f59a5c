package io.serviceproof.cluster;

import io.serviceproof.TestDatabaseInitializer;
import io.serviceproof.verifier.json.Json;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** The nodes' settings, and what an operator does to their PostgreSQL database, for the cluster tests. */
final class Cluster {

    private Cluster() {}

    /** A node of a fleet: blobs, sessions and rate limits in the database, one master key for all nodes. */
    static Map<String, String> nodeEnvironment(String database, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        Map<String, String> env = TestDatabaseInitializer.serverEnvironment(database, dataDir);
        env.put("SERVICEPROOF_BLOBS_STORE", "database");
        env.put("SERVICEPROOF_SESSIONS_STORE", "database");
        env.put("SERVICEPROOF_RATE_LIMITS_STORE", "database");
        env.put(
                "SERVICEPROOF_MASTER_KEY",
                java.util.Base64.getEncoder().encodeToString(io.serviceproof.verifier.note.Ed25519.newSeed()));
        return env;
    }

    /** Another node of the same fleet, with a data folder of its own. */
    static Map<String, String> sameCluster(Map<String, String> node, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        Map<String, String> env = new HashMap<>(node);
        env.put("SERVICEPROOF_DATA_DIR", dataDir.toString());
        return env;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String body) throws Exception {
        return (Map<String, Object>) Json.parse(body);
    }

    /** When a scheduled job last took its ShedLock lock, on any node. */
    static Object lockedAt(Map<String, String> env, String job) throws Exception {
        try (Connection connection = connect(env, env.get("SERVICEPROOF_DATABASE_URL"));
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT locked_at FROM shedlock WHERE name = '" + job.replace("'", "") + "'")) {
            return row.next() ? row.getTimestamp(1) : "never";
        }
    }

    static void await(Duration within, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within " + within + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    /**
     * What a node of the next release leaves behind in a rolling upgrade: a migration this build
     * does not know, applied (additive, as docs/operations.md requires of every release).
     */
    static void migrateAsANewerRelease(Map<String, String> env) throws Exception {
        execute(env, "CREATE TABLE next_release_feature (id TEXT PRIMARY KEY)", """
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,
                    checksum, installed_by, execution_time, success)
                SELECT MAX(installed_rank) + 1, '9999', 'next release feature', 'SQL',
                    'V9999__next_release_feature.sql', 0, 'serviceproof', 1, TRUE
                FROM flyway_schema_history""");
    }

    /** {@code pg_dump} of the node's schema, in the custom format an operator restores from. */
    static void pgDump(Map<String, String> env, Path dump) throws Exception {
        Database db = Database.of(env);
        run(
                env,
                List.of(
                        "pg_dump",
                        "-h",
                        db.host(),
                        "-p",
                        db.port(),
                        "-U",
                        env.get("SERVICEPROOF_DATABASE_USERNAME"),
                        "-n",
                        db.schema(),
                        "-Fc",
                        "-f",
                        dump.toString(),
                        db.name()));
    }

    /** A fresh database restored from the dump; returns the environment of a node started on it. */
    static Map<String, String> restore(Map<String, String> env, Path dump, String newDatabase, Path dataDir)
            throws Exception {
        Database db = Database.of(env);
        execute(env, "CREATE DATABASE " + newDatabase);
        run(
                env,
                List.of(
                        "pg_restore",
                        "-h",
                        db.host(),
                        "-p",
                        db.port(),
                        "-U",
                        env.get("SERVICEPROOF_DATABASE_USERNAME"),
                        "--no-owner",
                        "-d",
                        newDatabase,
                        dump.toString()));
        Map<String, String> restored = sameCluster(env, dataDir);
        restored.put(
                "SERVICEPROOF_DATABASE_URL",
                "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + newDatabase + "?currentSchema="
                        + db.schema());
        return restored;
    }

    static void dropDatabase(Map<String, String> env, String database) throws Exception {
        execute(env, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /** Runs statements on the node's database, as the operator's own SQL client would. */
    private static void execute(Map<String, String> env, String... statements) throws Exception {
        try (Connection connection = connect(env, env.get("SERVICEPROOF_DATABASE_URL"));
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect(Map<String, String> env, String url) throws Exception {
        return DriverManager.getConnection(
                url, env.get("SERVICEPROOF_DATABASE_USERNAME"), env.get("SERVICEPROOF_DATABASE_PASSWORD"));
    }

    private static void run(Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", env.get("SERVICEPROOF_DATABASE_PASSWORD"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** Where a node's JDBC URL points: host, port, database and schema. */
    private record Database(String host, String port, String name, String schema) {
        static Database of(Map<String, String> env) {
            URI uri = URI.create(env.get("SERVICEPROOF_DATABASE_URL").substring("jdbc:".length()));
            String schema = uri.getQuery().replaceFirst("^.*currentSchema=([^&]+).*$", "$1");
            return new Database(
                    uri.getHost(),
                    Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()),
                    uri.getPath().substring(1),
                    schema);
        }
    }
}
