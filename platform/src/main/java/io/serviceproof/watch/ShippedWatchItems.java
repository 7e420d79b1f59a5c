package io.serviceproof.watch;

import io.serviceproof.common.SafeYaml;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationCreated;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The items every organisation tracks from the start ({@code watch/tracked.yaml}): installed for a
 * new organisation, and for existing ones at start-up under keys they do not have yet, so a release
 * adds items without touching what an organisation recorded.
 */
@Component
class ShippedWatchItems {

    record Shipped(
            String key,
            String kind,
            String title,
            String framework,
            String replacedBy,
            String market,
            String lifecycle,
            String published,
            String inForce,
            String transitionDeadline,
            String source,
            String tag) {

        StandardsWatch.ItemFields fields() {
            return new StandardsWatch.ItemFields(
                    ItemKind.fromToken(kind),
                    title,
                    framework,
                    replacedBy,
                    market,
                    Lifecycle.fromToken(lifecycle),
                    date(published),
                    date(inForce),
                    date(transitionDeadline),
                    source,
                    tag);
        }

        private static LocalDate date(String value) {
            return value == null ? null : LocalDate.parse(value);
        }
    }

    private static final YAMLMapper YAML = YAMLMapper.builder(SafeYaml.factory())
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final StandardsWatch watch;
    private final OrganisationDirectory organisations;
    private final TransactionTemplate transaction;
    private final List<Shipped> shipped;

    ShippedWatchItems(StandardsWatch watch, OrganisationDirectory organisations, TransactionTemplate transaction) {
        this.watch = watch;
        this.organisations = organisations;
        this.transaction = transaction;
        this.shipped = load();
    }

    static List<Shipped> load() {
        try (InputStream in = ShippedWatchItems.class.getResourceAsStream("/watch/tracked.yaml")) {
            return List.copyOf(YAML.readValue(in, new TypeReference<List<Shipped>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @EventListener
    void onOrganisationCreated(OrganisationCreated event) {
        install(event.organisation());
    }

    /** After the starter library (order -10), before the demo seeding (order 0). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(-9)
    void installForExistingOrganisations() {
        for (Organisation organisation : organisations.all()) {
            transaction.executeWithoutResult(status -> install(organisation));
        }
    }

    private void install(Organisation organisation) {
        Tenancy.runAs(Actor.system(organisation.id(), "system:standards-watch"), () -> {
            for (Shipped item : shipped) {
                watch.install(item.key(), item.fields());
            }
        });
    }
}
