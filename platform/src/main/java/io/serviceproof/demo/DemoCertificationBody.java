package io.serviceproof.demo;

import io.serviceproof.attestation.Attestations;
import io.serviceproof.attestation.BodyKind;
import io.serviceproof.attestation.ConformityBodies;
import io.serviceproof.attestation.Engagement;
import io.serviceproof.attestation.Engagements;
import io.serviceproof.attestation.Finding;
import io.serviceproof.attestation.Findings;
import io.serviceproof.attestation.LogSampling;
import io.serviceproof.dossier.Credentials;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.users.NewUser;
import io.serviceproof.identity.users.UserAccount;
import io.serviceproof.identity.users.UserAccounts;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fictitious certification body, clearly labelled demo, with a fictitious accreditation (its
 * accreditation body is no signatory of any arrangement, so markets count its certificate for
 * nothing: the recognition pages show why). It has reviewed the demo exporter's Thai credential:
 * one major nonconformity, answered and closed; one minor, open; one log entry sampled; and it has
 * issued its certification credential.
 */
@Component
@ConditionalOnProperty(name = "serviceproof.demo.enabled", havingValue = "true")
class DemoCertificationBody {

    static final String SLUG = "demo-cert";

    static final List<NewUser> USERS = List.of(
            new NewUser("owner@demo-cert.serviceproof.io", "Somchai P. (owner)", Role.OWNER, DemoOrganisation.PASSWORD),
            new NewUser(
                    "lead-auditor@demo-cert.serviceproof.io",
                    "Siti Rahman (lead auditor)",
                    Role.COMPLIANCE_MANAGER,
                    DemoOrganisation.PASSWORD),
            new NewUser(
                    "reviewer@demo-cert.serviceproof.io",
                    "Tran Van Binh (technical reviewer)",
                    Role.AUDITOR,
                    DemoOrganisation.PASSWORD));

    private static final Logger log = LoggerFactory.getLogger(DemoCertificationBody.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrganisationDirectory organisations;
    private final UserAccounts users;
    private final TransactionTemplate transaction;
    private final ConformityBodies bodies;
    private final Engagements engagements;
    private final Findings findings;
    private final LogSampling sampling;
    private final Attestations attestations;
    private final Credentials credentials;

    DemoCertificationBody(
            OrganisationDirectory organisations,
            UserAccounts users,
            TransactionTemplate transaction,
            ConformityBodies bodies,
            Engagements engagements,
            Findings findings,
            LogSampling sampling,
            Attestations attestations,
            Credentials credentials) {
        this.organisations = organisations;
        this.users = users;
        this.transaction = transaction;
        this.bodies = bodies;
        this.engagements = engagements;
        this.findings = findings;
        this.sampling = sampling;
        this.attestations = attestations;
        this.credentials = credentials;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void seedOnFirstStart() {
        Organisation exporter = organisations.findBySlug(DemoOrganisation.SLUG).orElse(null);
        if (exporter == null || organisations.findBySlug(SLUG).isPresent()) {
            return;
        }
        transaction.executeWithoutResult(status -> seed(exporter));
        log.info("Created the demo certification body '{}' and its engagement with '{}'", SLUG, exporter.slug());
    }

    private void seed(Organisation exporter) {
        Organisation body = organisations.create(
                SLUG,
                "Lotus Assurance Certification (demo, fictitious)",
                "Demo data. A fictitious certification body with a fictitious accreditation; it has reviewed "
                        + "the demo exporter's Thai assessment.",
                false);
        List<UserAccount> created = Tenancy.callAs(
                Actor.system(body.id(), "system:demo-seed"),
                () -> USERS.stream().map(users::create).toList());
        Actor leadAuditor = actor(body, DemoEvidence.withRole(created, Role.COMPLIANCE_MANAGER));
        Tenancy.runAs(leadAuditor, () -> {
            bodies.register(List.of(BodyKind.CERTIFICATION));
            bodies.addAccreditation(new ConformityBodies.NewAccreditation(
                    "Demo Accreditation Council (fictitious)",
                    "ISO/IEC 17021-1",
                    List.of("iso-iec-27001", "iso-9001"),
                    List.of("IT services", "Machinery"),
                    "DAC-MS-0042 (demo)",
                    LocalDate.of(2025, 6, 1),
                    LocalDate.of(2029, 5, 31),
                    "https://accreditation.example/demo/DAC-MS-0042"));
        });
        Actor compliance = Tenancy.callAs(
                Actor.system(exporter.id(), "system:demo-seed"),
                () -> users.list().stream()
                        .filter(u -> u.role() == Role.COMPLIANCE_MANAGER)
                        .findFirst()
                        .map(u -> actor(exporter, u))
                        .orElseThrow());
        Engagement engagement = Tenancy.callAs(compliance, () -> {
            String credential = credentials.credentials().stream()
                    .filter(c -> c.market().equals("TH") && !c.thirdParty())
                    .findFirst()
                    .orElseThrow()
                    .id();
            return engagements.invite(new Engagements.Invitation(
                    credential, SLUG, 60, "iso-iec-27001@2022", BodyKind.CERTIFICATION, null));
        });
        String id = engagement.id();
        Finding major = Tenancy.callAs(leadAuditor, () -> {
            JsonNode snapshot = JSON.readTree(engagements.snapshot(id));
            String first27001 = requirement(snapshot, "ISO/IEC 27001");
            String firstCompliant = requirement(snapshot, null);
            sampling.sample(id, 0);
            findings.raise(
                    id,
                    new Findings.NewFinding(
                            firstCompliant,
                            Finding.Grade.MINOR,
                            "Remote-session recordings are kept 30 days; the contract promises 90.",
                            null));
            return findings.raise(
                    id,
                    new Findings.NewFinding(
                            first27001,
                            Finding.Grade.MAJOR,
                            "No documented ISMS scope covering the remote-maintenance cloud.",
                            null));
        });
        Tenancy.runAs(
                compliance,
                () -> findings.answer(
                        id,
                        major.id(),
                        "ISMS scope extended to the remote-maintenance cloud; scope statement v2 approved."));
        Tenancy.runAs(leadAuditor, () -> {
            findings.decide(id, major.id(), true);
            attestations.attest(id);
        });
    }

    /** The first requirement of a framework (by label prefix), or the first compliant one. */
    private static String requirement(JsonNode snapshot, String framework) {
        for (JsonNode r : snapshot.path("assessment").path("results")) {
            boolean matches = framework == null
                    ? r.path("result").asString().equals("compliant")
                    : r.path("label").asString().startsWith(framework);
            if (matches) {
                return r.path("requirementId").asString();
            }
        }
        return snapshot.path("assessment")
                .path("results")
                .get(0)
                .path("requirementId")
                .asString();
    }

    private static Actor actor(Organisation organisation, UserAccount user) {
        return new Actor(organisation.id(), Actor.Kind.USER, user.id().toString(), user.email(), user.role());
    }
}
