package io.serviceproof.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.ServiceProofApplication;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.users.NewUser;
import io.serviceproof.identity.users.UserAccount;
import io.serviceproof.identity.users.UserAccounts;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** The first start seeds the demo; a second start on the same database keeps everything. */
class DemoDataIntegrationTests {

    private final String database = "demo" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void theFirstStartCreatesTheDemoOrganisationWithTheReadmeCredentials() {
        try (ConfigurableApplicationContext app = start()) {
            Organisation demo = app.getBean(OrganisationDirectory.class).requireBySlug("demo");
            assertThat(demo.description()).contains("CNC", "Vietnam", "Thailand", "quality inspection", "warehouse");
            assertThat(demo.logPublic()).isTrue();

            UserAccounts users = app.getBean(UserAccounts.class);
            PasswordEncoder encoder = app.getBean(PasswordEncoder.class);
            for (String email : List.of(
                    "owner@demo.serviceproof.io",
                    "compliance@demo.serviceproof.io",
                    "engineer@demo.serviceproof.io",
                    "auditor@demo.serviceproof.io")) {
                var credentials = users.credentialsFor(email).orElseThrow();
                assertThat(encoder.matches("demo-password-2026", credentials.passwordHash()))
                        .as(email)
                        .isTrue();
            }
            List<Role> roles = Tenancy.callAs(Actor.system(demo.id(), "test"), users::list).stream()
                    .map(UserAccount::role)
                    .toList();
            assertThat(roles).containsExactlyInAnyOrder(Role.values());

            // Evidence to explore: approved (one expiring within a month), in review and draft, linked.
            var vault = app.getBean(io.serviceproof.evidence.Vault.class);
            var items = Tenancy.callAs(
                    Actor.system(demo.id(), "test"), () -> vault.find(io.serviceproof.evidence.EvidenceFilter.all()));
            assertThat(items).extracting(i -> i.latest().status().token()).contains("approved", "in-review", "draft");
            assertThat(items).allSatisfy(i -> assertThat(i.item().title()).contains("(demo)"));
            assertThat(items)
                    .anySatisfy(i -> assertThat(i.latest().validUntil())
                            .isBefore(java.time.LocalDate.now().plusDays(31)));
            assertThat(Tenancy.callAs(Actor.system(demo.id(), "test"), vault::allLinks))
                    .hasSizeGreaterThanOrEqualTo(4);

            // One offering into four markets, with its three layers published once.
            var offerings = app.getBean(io.serviceproof.services.Offerings.class);
            Tenancy.runAs(Actor.system(demo.id(), "test"), () -> {
                assertThat(offerings.offerings())
                        .singleElement()
                        .satisfies(o -> assertThat(o.markets()).containsExactly("VN", "TH", "MY", "ID"));
                assertThat(offerings.allLayers())
                        .extracting(
                                io.serviceproof.services.ServiceLayer::code,
                                io.serviceproof.services.ServiceLayer::latestVersion)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("ai-remote-quality-inspection", 1),
                                org.assertj.core.groups.Tuple.tuple("cloud-om-predictive-maintenance", 1),
                                org.assertj.core.groups.Tuple.tuple("warehouse-saas", 1));
                // Technicians on the remote-maintenance layer: one authorisation current, one lapsed.
                var matrix = app.getBean(io.serviceproof.evidence.people.People.class)
                        .matrix(layerId(offerings, "cloud-om-predictive-maintenance"), java.time.LocalDate.now());
                assertThat(matrix.tasks()).hasSize(2);
                assertThat(matrix.lapsed()).isEqualTo(1);
                // An assessment per target market, the Thai one signed off.
                var assessments = app.getBean(io.serviceproof.assessment.Assessments.class)
                        .assessments();
                assertThat(assessments)
                        .extracting(io.serviceproof.assessment.Assessment::market)
                        .containsExactlyInAnyOrder("VN", "TH", "MY", "ID");
                assertThat(assessments)
                        .filteredOn(io.serviceproof.assessment.Assessment::signedOff)
                        .extracting(io.serviceproof.assessment.Assessment::market)
                        .containsExactly("TH");
                // Three months of simulated events: measured, with the slow week breaching latency.
                var reports = app.getBean(io.serviceproof.sla.SlaReports.class);
                java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
                var last91Days = io.serviceproof.sla.SlaPeriod.custom(today.minusDays(90), today.plusDays(1));
                var inspection = reports.report(layerId(offerings, "ai-remote-quality-inspection"), last91Days);
                assertThat(inspection.events()).isGreaterThan(3000);
                assertThat(inspection.results())
                        .filteredOn(r -> r.id().equals("latency-p95"))
                        .singleElement()
                        .satisfies(
                                r -> assertThat(r.status()).isEqualTo(io.serviceproof.sla.SloResult.Status.BREACHED));
                var maintenance = reports.report(layerId(offerings, "cloud-om-predictive-maintenance"), last91Days);
                assertThat(maintenance.results())
                        .filteredOn(r -> r.id().equals("availability"))
                        .singleElement()
                        .satisfies(r -> assertThat(r.value()).isLessThan(100.0));
                // Every objective of the warehouse SaaS is measured from its own events.
                var warehouseLayer = offerings.allLayers().stream()
                        .filter(l -> l.code().equals("warehouse-saas"))
                        .findFirst()
                        .orElseThrow();
                var warehouse = reports.report(warehouseLayer.id(), last91Days);
                assertThat(warehouse.events()).isGreaterThan(2000);
                assertThat(warehouse.results())
                        .hasSize(4)
                        .allSatisfy(r -> assertThat(r.status())
                                .as(r.id())
                                .isIn(
                                        io.serviceproof.sla.SloResult.Status.MET,
                                        io.serviceproof.sla.SloResult.Status.BREACHED));
                // The tracker read the whole log before the demo credential was issued: the simulated
                // breaches are raised (each once), so the credential states them instead of a stale zero.
                var tracker = app.getBean(io.serviceproof.sla.SlaTracker.class);
                assertThat(tracker.track(demo)).isEmpty();
                assertThat(app.getBean(io.serviceproof.sla.SlaAttainment.class).recentBreaches(offerings.allLayers()))
                        .extracting(io.serviceproof.sla.SlaBreach::sloId)
                        .contains("latency-p95", "availability");
                // The signed-off Thai assessment is attested by a credential.
                assertThat(app.getBean(io.serviceproof.dossier.Credentials.class)
                                .credentials())
                        .singleElement()
                        .satisfies(c -> {
                            assertThat(c.market()).isEqualTo("TH");
                            assertThat(c.document()).contains("DigitalConformityCredential", "eddsa-jcs-2022");
                            // It names the approved evidence it rests on, with log proofs, and the
                            // measured service levels of each layer.
                            assertThat(c.document())
                                    .contains(
                                            "\"sp:evidence\":[{",
                                            "registered\",\"sp:logIndex\"",
                                            "approved\",\"sp:logIndex\"")
                                    .contains("\"sp:slaAttainment\":[{", "\"sp:serviceLayerId\":\"warehouse-saas\"")
                                    .doesNotContain("\"sp:objectivesMeasured\":0");
                            assertThat(c.document()).containsPattern("\"sp:breachesLast90Days\":[1-9]");
                        });
            });

            // A fictitious certification body has reviewed the Thai credential: two findings, one
            // closed, and its own credential, which the exporter's recognition layer holds.
            Organisation body = app.getBean(OrganisationDirectory.class).requireBySlug("demo-cert");
            assertThat(body.name()).contains("demo", "fictitious");
            for (String email :
                    DemoCertificationBody.USERS.stream().map(u -> u.email()).toList()) {
                assertThat(encoder.matches(
                                "demo-password-2026",
                                users.credentialsFor(email).orElseThrow().passwordHash()))
                        .as(email)
                        .isTrue();
            }
            Tenancy.runAs(Actor.system(body.id(), "test"), () -> {
                var engagement = app.getBean(io.serviceproof.attestation.Engagements.class).engagements().stream()
                        .map(v -> v.engagement())
                        .filter(e -> e.exporterId().equals(demo.id()))
                        .findFirst()
                        .orElseThrow();
                assertThat(engagement.market()).isEqualTo("TH");
                assertThat(engagement.attested()).isTrue();
                assertThat(app.getBean(io.serviceproof.attestation.Findings.class)
                                .findings(engagement.id()))
                        .extracting(f -> f.grade().token(), f -> f.status().token())
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("minor", "open"),
                                org.assertj.core.groups.Tuple.tuple("major", "closed"));
                var attestation =
                        app.getBean(io.serviceproof.dossier.Credentials.class).credential(engagement.attestationId());
                assertThat(attestation.document()).contains("\"assessorLevel\":\"3rdParty\"", "DAC-MS-0042 (demo)");
            });
            Tenancy.runAs(
                    Actor.system(demo.id(), "test"),
                    () -> assertThat(app.getBean(io.serviceproof.catalog.Catalog.class)
                                    .conformityResults())
                            .anySatisfy(r -> {
                                assertThat(r.record().conformityBody()).contains("Lotus Assurance");
                                assertThat(r.record().status()).isEqualTo("active");
                            }));
        }
    }

    @Test
    void aSecondStartKeepsAllDataAndDoesNotSeedAgain() {
        try (ConfigurableApplicationContext first = start()) {
            Organisation demo = first.getBean(OrganisationDirectory.class).requireBySlug("demo");
            TransactionTemplate transaction = first.getBean(TransactionTemplate.class);
            Tenancy.runAs(
                    Actor.system(demo.id(), "test"),
                    () -> transaction.executeWithoutResult(status -> first.getBean(UserAccounts.class)
                            .create(new NewUser(
                                    "kept@demo.serviceproof.io", "Kept", Role.ENGINEER, "a-long-password"))));
        }
        try (ConfigurableApplicationContext second = start()) {
            OrganisationDirectory directory = second.getBean(OrganisationDirectory.class);
            assertThat(directory.all()).extracting(Organisation::slug).containsExactly("demo", "demo-cert");
            Organisation demo = directory.requireBySlug("demo");
            List<String> emails =
                    Tenancy.callAs(Actor.system(demo.id(), "test"), second.getBean(UserAccounts.class)::list).stream()
                            .map(UserAccount::email)
                            .toList();
            assertThat(emails).hasSize(5).contains("kept@demo.serviceproof.io");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ServiceProofApplication.class)
                .web(WebApplicationType.NONE)
                .properties("serviceproof.test.database-name=" + database, "serviceproof.demo.enabled=true")
                .run();
    }

    private static String layerId(io.serviceproof.services.Offerings offerings, String code) {
        return offerings.allLayers().stream()
                .filter(l -> l.code().equals(code))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
