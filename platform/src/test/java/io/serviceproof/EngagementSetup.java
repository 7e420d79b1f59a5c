package io.serviceproof;

import io.serviceproof.attestation.BodyKind;
import io.serviceproof.attestation.ConformityBodies;
import io.serviceproof.attestation.Engagements;
import io.serviceproof.attestation.Finding;
import io.serviceproof.attestation.Findings;
import io.serviceproof.evidence.EvidenceFields;
import io.serviceproof.evidence.LinkRequest;
import io.serviceproof.evidence.LinkTarget;
import io.serviceproof.evidence.Upload;
import io.serviceproof.evidence.Vault;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Tenancy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * For the isolation matrix: the tenant (acting) engages a certification body of its own on its
 * credential, with an approved evidence file in the snapshot and a finding raised; the tenant is
 * registered as a body too, so its own body endpoints answer.
 */
final class EngagementSetup {

    private EngagementSetup() {}

    static CatalogIds.Engagement engage(
            ApplicationContext context, TestTenant tenant, String layer, String credential) {
        Vault vault = context.getBean(Vault.class);
        String evidence = vault.register(
                        new EvidenceFields(
                                "Engagement evidence", "E5", null, null, LocalDate.of(2026, 1, 1), null, null, true),
                        new Upload(
                                "plan.txt",
                                "text/plain",
                                new ByteArrayInputStream(
                                        tenant.organisation().slug().getBytes(StandardCharsets.UTF_8))),
                        List.of(new LinkRequest(LinkTarget.SERVICE_LAYER, layer)))
                .item()
                .id();
        vault.approve(evidence, "ok");
        ConformityBodies bodies = context.getBean(ConformityBodies.class);
        bodies.register(List.of(BodyKind.CERTIFICATION));
        TestTenant body = TestTenant.create(context, "isobody");
        Actor bodyActor = Actor.system(body.organisation().id(), "test");
        Tenancy.runAs(bodyActor, () -> bodies.register(List.of(BodyKind.CERTIFICATION)));
        Engagements engagements = context.getBean(Engagements.class);
        String id = engagements
                .invite(new Engagements.Invitation(
                        credential, body.organisation().slug(), 30, null, null, null))
                .id();
        String finding = Tenancy.callAs(bodyActor, () -> {
            String requirement = JsonMapper.builder()
                    .build()
                    .readTree(engagements.snapshot(id))
                    .path("assessment")
                    .path("results")
                    .get(0)
                    .path("requirementId")
                    .asString();
            return context.getBean(Findings.class)
                    .raise(id, new Findings.NewFinding(requirement, Finding.Grade.MINOR, "isolation finding", null))
                    .id();
        });
        // The body's credential from a second engagement, certifying a framework, so that it could
        // enter a recognition layer; the first engagement keeps its open finding.
        String second = engagements
                .invite(new Engagements.Invitation(
                        credential, body.organisation().slug(), 30, "iso-iec-27001@2022", null, null))
                .id();
        String attestation = Tenancy.callAs(
                bodyActor,
                () -> context.getBean(io.serviceproof.attestation.Attestations.class)
                        .attest(second)
                        .document());
        return new CatalogIds.Engagement(
                id, evidence, finding, body.organisation().slug(), attestation);
    }
}
