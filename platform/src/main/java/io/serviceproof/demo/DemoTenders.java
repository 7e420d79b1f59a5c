package io.serviceproof.demo;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.tender.Tenders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A Vietnamese buyer's requirement list in the demo, as a tender to explore: imported once, after
 * the demo organisation is seeded (outside its transaction, so its matching can run at once), and
 * matched in the background like any other. Its answers are left to the visitor.
 */
@Component
@ConditionalOnProperty(name = "serviceproof.demo.enabled", havingValue = "true")
class DemoTenders {

    private final OrganisationDirectory organisations;
    private final Tenders tenders;

    DemoTenders(OrganisationDirectory organisations, Tenders tenders) {
        this.organisations = organisations;
        this.tenders = tenders;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void seed() {
        organisations
                .findBySlug(DemoOrganisation.SLUG)
                .ifPresent(demo -> Tenancy.runAs(Actor.system(demo.id(), "system:demo-seed"), () -> {
                    if (tenders.tenders().isEmpty()) {
                        tenders.importList(new Tenders.NewTender(
                                "HP-2026-17 CNC line with remote services (demo)",
                                "Hai Phong Auto Parts JSC (demo)",
                                null,
                                "HSMT-HP-2026-17.csv",
                                list()));
                    }
                }));
    }

    private static byte[] list() {
        try (InputStream in = DemoTenders.class.getResourceAsStream("/demo/tender-hai-phong.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
