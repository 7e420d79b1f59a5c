package io.serviceproof.catalog;

import io.serviceproof.common.Phrase;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationCreated;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every organisation the starter library: when it is created (in the creating transaction),
 * and on start-up for organisations whose release is older than the one shipped.
 */
@Component
class LibraryInstaller {

    private static final Logger log = LoggerFactory.getLogger(LibraryInstaller.class);

    private final StarterLibrary library;
    private final CatalogWriter writer;
    private final CatalogState state;
    private final OrganisationDirectory organisations;
    private final UserActionTrail trail;
    private final TransactionTemplate transaction;

    LibraryInstaller(
            StarterLibrary library,
            CatalogWriter writer,
            CatalogState state,
            OrganisationDirectory organisations,
            UserActionTrail trail,
            TransactionTemplate transaction) {
        this.library = library;
        this.writer = writer;
        this.state = state;
        this.organisations = organisations;
        this.trail = trail;
        this.transaction = transaction;
    }

    @EventListener
    void onOrganisationCreated(OrganisationCreated event) {
        install(event.organisation());
    }

    /** Runs before the demo seeding (order 0) creates organisations of its own. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(-10)
    void upgradeExistingOrganisations() {
        String version = library.release().version();
        for (Organisation organisation : organisations.all()) {
            Actor system = Actor.system(organisation.id(), "system:catalog-library");
            boolean current = Tenancy.callAs(
                    system, () -> state.libraryVersion().map(version::equals).orElse(false));
            if (!current) {
                transaction.executeWithoutResult(status -> install(organisation));
            }
        }
    }

    void install(Organisation organisation) {
        StarterLibrary.Release release = library.release();
        long started = System.nanoTime();
        Tenancy.runAs(Actor.system(organisation.id(), "system:catalog-library"), () -> {
            String before = state.libraryVersion().orElse("none");
            writer.installLibrary(release.document(), release.version());
            trail.record(
                    "catalog.library.installed",
                    "catalog",
                    release.version(),
                    Phrase.of("trail.detail.library-installed", release.version(), before));
        });
        log.info(
                "Installed starter library {} for '{}' in {} ms",
                release.version(),
                organisation.slug(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
