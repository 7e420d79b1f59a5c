package io.serviceproof.benchmarks;

import io.serviceproof.ServiceProofApplication;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import java.nio.file.Path;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The platform started in-process on its embedded SQLite default, in a data folder of the benchmark's. */
final class BenchmarkServer implements AutoCloseable {

    final ConfigurableApplicationContext context;

    BenchmarkServer(Path dataDir) {
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
    }
}
