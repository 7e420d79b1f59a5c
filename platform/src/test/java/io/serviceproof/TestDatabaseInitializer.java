package io.serviceproof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Gives every Spring context in the tests a database of its own, on the engine the build selected
 * ({@code -Dserviceproof.test.database=sqlite|postgresql}): a fresh SQLite file in a temporary
 * folder, or a fresh schema in the PostgreSQL test database. A context that sets
 * {@code serviceproof.test.database-name} reuses that database, which is how restart tests see the
 * data of the run before. Scheduled expiry and reminder jobs are switched off; tests run them.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ENGINE = System.getProperty("serviceproof.test.database", "sqlite");
    private static final Path ROOT = createRoot();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String name = environment.getProperty(
                "serviceproof.test.database-name",
                "t" + UUID.randomUUID().toString().replace("-", ""));
        Path dataDir = ROOT.resolve(name);
        TestPropertyValues properties = TestPropertyValues.of(
                "serviceproof.data-dir=" + dataDir,
                "serviceproof.demo.enabled=" + environment.getProperty("serviceproof.demo.enabled", "false"),
                // The hourly expiry and reminder jobs are called directly by the tests that need them;
                // left on their schedule they could act between a test's steps.
                "serviceproof.evidence.expiry-cron=-",
                "serviceproof.assessment.reminder-cron=-",
                "serviceproof.sla.tracker-cron=-",
                "serviceproof.watch.poll-cron=-",
                // Test feeds are served from this machine; the refusal of private addresses is unit-tested.
                "serviceproof.watch.allow-private-addresses=true");
        if (ENGINE.equals("postgresql")) {
            String schema = name.toLowerCase().replaceAll("[^a-z0-9_]", "_");
            properties = properties.and(
                    "spring.datasource.url=" + postgresqlUrl() + "?currentSchema=" + schema,
                    "spring.datasource.username="
                            + System.getProperty("serviceproof.test.postgresql.username", "serviceproof"),
                    "spring.datasource.password="
                            + System.getProperty("serviceproof.test.postgresql.password", "serviceproof"),
                    "spring.datasource.hikari.maximum-pool-size=4",
                    "spring.flyway.schemas=" + schema);
        }
        properties.applyTo(context);
    }

    /**
     * Environment variables that point a separately started server (or admin command) at a database
     * of its own, named {@code name}, on the engine under test, with its data folder in {@code dataDir}.
     */
    public static java.util.Map<String, String> serverEnvironment(String name, Path dataDir) {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("SERVICEPROOF_DATA_DIR", dataDir.toString());
        if (onPostgresql()) {
            String schema = name.toLowerCase().replaceAll("[^a-z0-9_]", "_");
            env.put("SERVICEPROOF_DATABASE_URL", postgresqlUrl() + "?currentSchema=" + schema);
            env.put(
                    "SERVICEPROOF_DATABASE_USERNAME",
                    System.getProperty("serviceproof.test.postgresql.username", "serviceproof"));
            env.put(
                    "SERVICEPROOF_DATABASE_PASSWORD",
                    System.getProperty("serviceproof.test.postgresql.password", "serviceproof"));
            env.put("SPRING_FLYWAY_SCHEMAS", schema);
        }
        return env;
    }

    public static boolean onPostgresql() {
        return ENGINE.equals("postgresql");
    }

    private static String postgresqlUrl() {
        return System.getProperty(
                "serviceproof.test.postgresql.url", "jdbc:postgresql://localhost:5432/serviceproof_test");
    }

    /** One folder for the run's databases, removed when the run ends: a run leaves gigabytes. */
    private static Path createRoot() {
        try {
            Path root = Files.createTempDirectory("serviceproof-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort at exit: what stays is in the system's temporary folder.
        }
    }
}
