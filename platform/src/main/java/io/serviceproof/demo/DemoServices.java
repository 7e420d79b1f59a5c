package io.serviceproof.demo;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.users.UserAccount;
import io.serviceproof.services.Offering;
import io.serviceproof.services.Offerings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The demo offering: a CNC machining line sold into four ASEAN markets with its three embedded
 * services, each started from its template and published once, so versions, hashes and log entries
 * are there to explore.
 */
@Component
class DemoServices {

    private final Offerings offerings;

    DemoServices(Offerings offerings) {
        this.offerings = offerings;
    }

    /** Returns the layer ids by template key. */
    Map<String, String> seed(Organisation demo, UserAccount compliance) {
        Actor actor = new Actor(
                demo.id(), Actor.Kind.USER, compliance.id().toString(), compliance.email(), compliance.role());
        return Tenancy.callAs(actor, () -> {
            Offering line = offerings.createOffering(
                    "HP-5X CNC machining line with intelligent services (demo)",
                    "Demo data. Five-axis machining line with AI remote quality inspection, cloud remote maintenance"
                            + " and a warehouse SaaS for finished goods.",
                    "HP-5X five-axis CNC cells, line cameras, edge inference box, IIoT gateway",
                    List.of("VN", "TH", "MY", "ID"));
            Map<String, String> layers = new LinkedHashMap<>();
            layers.put(
                    "ai-remote-quality-inspection",
                    layer(line, "AI remote quality inspection", "ai-remote-quality-inspection", compliance));
            layers.put(
                    "cloud-om-predictive-maintenance",
                    layer(line, "Cloud remote maintenance", "cloud-om-predictive-maintenance", compliance));
            layers.put("warehouse-saas", layer(line, "Warehouse SaaS", "warehouse-saas", compliance));
            return layers;
        });
    }

    private String layer(Offering line, String name, String template, UserAccount owner) {
        String id = offerings
                .createLayer(line.id(), name, template, template, owner.id().toString())
                .id();
        offerings.publish(id);
        return id;
    }
}
