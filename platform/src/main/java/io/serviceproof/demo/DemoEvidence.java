package io.serviceproof.demo;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Requirement;
import io.serviceproof.evidence.EvidenceFields;
import io.serviceproof.evidence.LinkRequest;
import io.serviceproof.evidence.LinkTarget;
import io.serviceproof.evidence.Upload;
import io.serviceproof.evidence.Vault;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.users.UserAccount;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A handful of evidence files for the demo organisation, each a short text document that says it
 * is demo data: approved, in review and draft items, one that expires within a month, linked to the
 * requirements they support, so the vault and its filters have something to show.
 */
@Component
class DemoEvidence {

    private record Item(
            String title,
            String type,
            String file,
            String framework,
            String ref,
            int validDays,
            String state,
            String layer) {}

    private static final List<Item> ITEMS = List.of(
            new Item(
                    "Remote-access procedure for customer OT (demo)",
                    "E6",
                    "remote-access-procedure.txt",
                    "iec-62443-2-4",
                    "SP.07",
                    365,
                    "approved",
                    "cloud-om-predictive-maintenance"),
            new Item(
                    "Remote technician training records, Q3 2026 (demo)",
                    "E4",
                    "technician-training-q3.csv",
                    "iec-62443-2-4",
                    "SP.01",
                    20,
                    "approved",
                    "cloud-om-predictive-maintenance"),
            new Item(
                    "Inference log export, line 2, October 2026 (demo)",
                    "E3",
                    "inference-log-line2-2026-10.csv",
                    "iso-iec-27001",
                    "A.8.15",
                    0,
                    "approved",
                    "ai-remote-quality-inspection"),
            new Item(
                    "Disaster-recovery test report 2026 (demo)",
                    "E8",
                    "dr-test-2026.txt",
                    "iso-iec-27001",
                    "A.5.30",
                    365,
                    "in-review",
                    "warehouse-saas"),
            new Item(
                    "Warehouse SaaS SLA, draft for Thai buyers (demo)",
                    "E2",
                    "warehouse-saas-sla-th.txt",
                    "iso-iec-19086-3",
                    "9.3",
                    0,
                    "draft",
                    "warehouse-saas"));

    private final Vault vault;
    private final Catalog catalog;
    private final Clock clock;

    DemoEvidence(Vault vault, Catalog catalog, Clock clock) {
        this.vault = vault;
        this.catalog = catalog;
        this.clock = clock;
    }

    void seed(Organisation demo, UserAccount engineer, UserAccount compliance, Map<String, String> layers) {
        Actor uploader = userActor(demo, engineer);
        Actor reviewer = userActor(demo, compliance);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Item item : ITEMS) {
            String id = Tenancy.callAs(uploader, () -> {
                List<LinkRequest> links = new java.util.ArrayList<>();
                requirement(item.framework(), item.ref())
                        .ifPresent(r -> links.add(new LinkRequest(LinkTarget.REQUIREMENT, r.id())));
                if (layers.containsKey(item.layer())) {
                    links.add(new LinkRequest(LinkTarget.SERVICE_LAYER, layers.get(item.layer())));
                }
                return vault.register(
                                new EvidenceFields(
                                        item.title(),
                                        item.type(),
                                        "Demo data, generated for the demo organisation.",
                                        compliance.id().toString(),
                                        today.minusDays(10),
                                        item.validDays() == 0 ? null : today.plusDays(item.validDays()),
                                        null,
                                        !item.state().equals("draft")),
                                new Upload(item.file(), "text/plain", content(item)),
                                links)
                        .item()
                        .id();
            });
            if (item.state().equals("approved")) {
                Tenancy.runAs(reviewer, () -> vault.approve(id, "Checked against the source records (demo)."));
            }
        }
    }

    private Optional<Requirement> requirement(String key, String ref) {
        return catalog.frameworks().stream()
                .filter(f -> f.key().equals(key))
                .findFirst()
                .flatMap(f -> catalog.requirements(f.id()).stream()
                        .filter(r -> r.refId().equals(ref))
                        .findFirst());
    }

    private static ByteArrayInputStream content(Item item) {
        String text = "DEMO DATA - generated for the ServiceProof demo organisation, not a real record.\n\n"
                + item.title() + "\n"
                + "Evidence type " + item.type() + ", supporting " + item.framework() + " " + item.ref() + ".\n";
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Actor userActor(Organisation organisation, UserAccount user) {
        return new Actor(organisation.id(), Actor.Kind.USER, user.id().toString(), user.email(), user.role());
    }

    static UserAccount withRole(List<UserAccount> users, Role role) {
        return users.stream().filter(u -> u.role() == role).findFirst().orElseThrow();
    }
}
