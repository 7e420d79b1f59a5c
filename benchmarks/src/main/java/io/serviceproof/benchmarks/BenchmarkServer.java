package io.serviceproof.benchmarks;

import io.serviceproof.ServiceProofApplication;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform started in-process on its embedded SQLite default, in a data folder of the
 * benchmark's: a temporary one, deleted on close, or a kept one whose data later runs reuse.
 */
final class BenchmarkServer implements AutoCloseable {

    final ConfigurableApplicationContext context;
    private final Path temporaryDataDir;

    /** A server on a data folder that outlives it (prepared data a later run reuses). */
    BenchmarkServer(Path dataDir) {
        this(dataDir, false);
    }

    /** A server on a fresh temporary data folder, deleted when the server closes. */
    static BenchmarkServer temporary(String name) throws IOException {
        return new BenchmarkServer(Files.createTempDirectory("serviceproof-bench-" + name), true);
    }

    private BenchmarkServer(Path dataDir, boolean temporary) {
        temporaryDataDir = temporary ? dataDir : null;
        context = new SpringApplicationBuilder(ServiceProofApplication.class)
                .web(WebApplicationType.NONE)
                // Arguments, not builder properties: those are defaults that application.yml overrides.
                .run(
                        "--serviceproof.data-dir=" + dataDir,
                        "--serviceproof.demo.enabled=false",
                        // Benchmarks run the SLA tracker themselves, never on a schedule beside them.
                        "--serviceproof.sla.tracker-cron=-",
                        "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off");
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The organisation with this slug, created on first use. */
    Actor actorFor(String slug) {
        OrganisationDirectory directory = bean(OrganisationDirectory.class);
        Organisation organisation =
                directory.findBySlug(slug).orElseGet(() -> directory.create(slug, slug, "benchmark", false));
        return Actor.system(organisation.id(), "system:benchmark");
    }

    @Override
    public void close() {
        context.close();
        if (temporaryDataDir != null) {
            // A run of the append benchmarks leaves gigabytes behind; a few runs fill the disk.
            try (Stream<Path> paths = Files.walk(temporaryDataDir)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
