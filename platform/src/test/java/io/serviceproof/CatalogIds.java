package io.serviceproof;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Framework;
import io.serviceproof.catalog.MappingStatus;
import io.serviceproof.catalog.Provenance;
import io.serviceproof.catalog.ProvenanceTag;
import io.serviceproof.catalog.recognition.ConformityResult;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Tenancy;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** Ids of one test organisation's own catalog rows (each organisation has its own copy) and evidence. */
record CatalogIds(
        String frameworkId,
        String frameworkUuid,
        String otherFrameworkUuid,
        String requirementId,
        String otherRequirementId,
        String mappingId,
        String adoptionId,
        String resultId,
        String evidenceId,
        String offeringId,
        String layerId,
        String technicianId,
        String assessmentId,
        String signedAssessmentId,
        String credentialId,
        String dossierBuildId,
        String watchItemId,
        String feedId,
        String proposalId,
        String engagementId,
        String engagementEvidenceId,
        String findingId,
        String bodySlug,
        String attestation,
        String deviceId,
        String mqttConnectionId,
        String eventImportId,
        String tenderId,
        String tenderClauseId) {

    static CatalogIds of(ApplicationContext context, TestTenant tenant) {
        Catalog catalog = context.getBean(Catalog.class);
        return Tenancy.callAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            Framework iso27001 = find(catalog, "iso-iec-27001");
            Framework iso42001 = find(catalog, "iso-iec-42001");
            String logging = catalog.requirements(iso27001.id()).stream()
                    .filter(r -> r.refId().equals("A.8.15"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            String resources = catalog.requirements(iso42001.id()).stream()
                    .filter(r -> r.refId().equals("7.1"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            String mapping = catalog.mappings(EnumSet.allOf(MappingStatus.class))
                    .get(0)
                    .mapping()
                    .id();
            String result = catalog.recordConformityResult(
                            new ConformityResult(
                                    "result",
                                    "certificate",
                                    "iso-iec-27001@2022",
                                    null,
                                    "Remote O&M",
                                    "Test CB",
                                    null,
                                    LocalDate.of(2026, 1, 1),
                                    LocalDate.of(2029, 1, 1),
                                    "active",
                                    List.of()),
                            Provenance.reviewed(ProvenanceTag.P, "test", "Test reviewer", LocalDate.of(2026, 1, 1)))
                    .id();
            String evidence = context.getBean(io.serviceproof.evidence.Vault.class)
                    .register(
                            new io.serviceproof.evidence.EvidenceFields(
                                    "Session log export",
                                    "E3",
                                    null,
                                    null,
                                    LocalDate.of(2026, 1, 1),
                                    null,
                                    null,
                                    false),
                            new io.serviceproof.evidence.Upload(
                                    "sessions.csv",
                                    "text/csv",
                                    new java.io.ByteArrayInputStream(("session,started\n"
                                                    + tenant.organisation().slug() + ",2026-01-01\n")
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                            List.of(new io.serviceproof.evidence.LinkRequest(
                                    io.serviceproof.evidence.LinkTarget.REQUIREMENT, logging)))
                    .item()
                    .id();
            var offerings = context.getBean(io.serviceproof.services.Offerings.class);
            String offering = offerings
                    .createOffering("Isolation line", "", "CNC", List.of("VN"))
                    .id();
            String layer = offerings
                    .createLayer(offering, "Remote O&M", null, "cloud-om-predictive-maintenance", null)
                    .id();
            offerings.publish(layer);
            context.getBean(io.serviceproof.services.ApiContracts.class).upload(layer, """
                            {"openapi":"3.0.3","info":{"title":"O&M API","version":"1.0.0"},
                             "paths":{"/alerts":{"get":{"responses":{"200":{"description":"alerts"}}}}}}
                            """);
            var people = context.getBean(io.serviceproof.evidence.people.People.class);
            String technician = people.addTechnician("Isolation technician", "", "", List.of(), null)
                    .id();
            people.addTask(layer, "Remote session", "remote access");
            String assessment = context.getBean(io.serviceproof.assessment.Assessments.class)
                    .create(offering, "VN")
                    .id();
            var assessments = context.getBean(io.serviceproof.assessment.Assessments.class);
            String signed = assessments.create(offering, "VN").id();
            assessments.signOff(signed);
            String credential = context.getBean(io.serviceproof.dossier.Credentials.class)
                    .issue(signed, "test: gaps included")
                    .id();
            var jobs = context.getBean(io.serviceproof.dossier.DossierJobs.class);
            String build = jobs.start(credential).id();
            for (int i = 0;
                    i < 600 && jobs.job(build).state() == io.serviceproof.dossier.DossierJobs.State.RUNNING;
                    i++) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            var watch = context.getBean(io.serviceproof.watch.StandardsWatch.class);
            String feed = watch.addFeed(
                            "Isolation feed " + tenant.organisation().slug(),
                            "http://127.0.0.1:9/" + tenant.organisation().slug() + ".atom")
                    .id();
            String proposal = io.serviceproof.watch.WatchFixtures.proposal(
                    context, feed, "Isolation proposal " + tenant.organisation().slug());
            Engagement engagement = EngagementSetup.engage(context, tenant, layer, credential);
            String device = context.getBean(io.serviceproof.devices.Devices.class)
                    .register(new io.serviceproof.devices.Devices.Registration(
                            "Isolation camera " + tenant.organisation().slug(),
                            null,
                            java.util.Base64.getEncoder()
                                    .encodeToString(io.serviceproof.verifier.note.Ed25519.rawPublicKey(
                                            io.serviceproof.verifier.note.Ed25519.fromSeed(
                                                            io.serviceproof.verifier.note.Ed25519.newSeed())
                                                    .getPublic()))))
                    .id();
            // A broker nobody listens on: the connection is recorded (and retried), which is all isolation needs.
            String mqtt = context.getBean(io.serviceproof.ingest.MqttConnections.class)
                    .create(new io.serviceproof.ingest.MqttConnections.NewConnection(
                            "Isolation broker " + tenant.organisation().slug(),
                            "tcp://127.0.0.1:9",
                            5,
                            null,
                            null,
                            "plant/#",
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null))
                    .id();
            String eventImport = context.getBean(io.serviceproof.ingest.EventImports.class)
                    .start(
                            new io.serviceproof.ingest.EventImports.NewImport(
                                    "isolation.jsonl",
                                    io.serviceproof.ingest.EventImport.Format.JSONL,
                                    io.serviceproof.ingest.EventImport.OnBadLine.REPORT_LINE,
                                    null),
                            new java.io.ByteArrayInputStream(("{\"eventId\":\"isolation-"
                                            + tenant.organisation().slug()
                                            + "\",\"type\":\"plant.counter\",\"occurredAt\":"
                                            + "\"2026-10-01T08:00:00Z\"}\n")
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .id();
            io.serviceproof.tender.Tenders tenders = context.getBean(io.serviceproof.tender.Tenders.class);
            String tender = tenders.importList(new io.serviceproof.tender.Tenders.NewTender(
                            "Isolation tender " + tenant.organisation().slug(),
                            null,
                            null,
                            null,
                            ("1. Isolation clause: keep audit logs of remote sessions for "
                                            + tenant.organisation().slug())
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .id();
            String tenderClause = tenders.clauses(tender).get(0).id();
            return new CatalogIds(
                    iso27001.id(),
                    iso27001.oscalUuid(),
                    iso42001.oscalUuid(),
                    logging,
                    resources,
                    mapping,
                    catalog.adoptions().get(0).id(),
                    result,
                    evidence,
                    offering,
                    layer,
                    technician,
                    assessment,
                    signed,
                    credential,
                    build,
                    watch.items().get(0).id(),
                    feed,
                    proposal,
                    engagement.id(),
                    engagement.evidenceId(),
                    engagement.findingId(),
                    engagement.bodySlug(),
                    engagement.attestation(),
                    device,
                    mqtt,
                    eventImport,
                    tender,
                    tenderClause);
        });
    }

    /** An engagement of the tenant's credential by a body of its own, with a finding and an evidence file. */
    record Engagement(String id, String evidenceId, String findingId, String bodySlug, String attestation) {}

    private static Framework find(Catalog catalog, String key) {
        return catalog.frameworks().stream()
                .filter(f -> f.key().equals(key))
                .findFirst()
                .orElseThrow();
    }
}
