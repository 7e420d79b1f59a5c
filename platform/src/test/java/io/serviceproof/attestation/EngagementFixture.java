package io.serviceproof.attestation;

import static io.serviceproof.ActingAs.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.dossier.CredentialIssuance;
import io.serviceproof.evidence.EvidenceFields;
import io.serviceproof.evidence.LinkRequest;
import io.serviceproof.evidence.LinkTarget;
import io.serviceproof.evidence.Upload;
import io.serviceproof.evidence.Vault;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.services.Offerings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An exporter with a signed-off Thai assessment, an approved evidence file and a credential; a
 * certification body with an accreditation; and the engagement between them.
 */
record EngagementFixture(
        TestTenant exporter, TestTenant body, String credentialId, String evidenceItemId, String engagementId) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static EngagementFixture create(ApplicationContext context, MockMvc mvc) throws Exception {
        TestTenant exporter = TestTenant.create(context, "exporter");
        TestTenant body = TestTenant.create(context, "certbody");
        String[] ids = Tenancy.callAs(Actor.system(exporter.organisation().id(), "test"), () -> {
            Offerings offerings = context.getBean(Offerings.class);
            String offering =
                    offerings.createOffering("CNC line", "", "", List.of("TH")).id();
            String layer = offerings
                    .createLayer(offering, "Inspection", "rqi", "ai-remote-quality-inspection", null)
                    .id();
            offerings.publish(layer);
            Vault vault = context.getBean(Vault.class);
            LocalDate today = LocalDate.now();
            String item = vault.register(
                            new EvidenceFields(
                                    "Incident response plan", "E5", "", null, today.minusDays(10), null, null, true),
                            new Upload(
                                    "irp.txt",
                                    "text/plain",
                                    new ByteArrayInputStream("incident plan".getBytes(StandardCharsets.UTF_8))),
                            List.of(new LinkRequest(LinkTarget.SERVICE_LAYER, layer)))
                    .item()
                    .id();
            vault.approve(item, "ok");
            Assessments assessments = context.getBean(Assessments.class);
            String assessment = assessments.create(offering, "TH").id();
            assessments.signOff(assessment);
            String credential = context.getBean(CredentialIssuance.class)
                    .issue(assessment, "test: gaps included")
                    .id();
            return new String[] {credential, item};
        });
        mvc.perform(put("/api/v1/conformity-body")
                        .with(bearer(body.token(Role.OWNER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kinds\":[\"certification\"]}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/conformity-body/accreditations")
                        .with(bearer(body.token(Role.OWNER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(accreditation("ACC-1", LocalDate.now().plusYears(2))))
                .andExpect(status().isCreated());
        JsonNode engagement = JSON.readTree(mvc.perform(post("/api/v1/engagements")
                        .with(bearer(exporter.token(Role.COMPLIANCE_MANAGER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"credentialId\":\"" + ids[0] + "\",\"bodySlug\":\""
                                + body.organisation().slug() + "\",\"days\":30,"
                                + "\"framework\":\"iso-iec-27001@2022\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        return new EngagementFixture(
                exporter, body, ids[0], ids[1], engagement.get("id").asString());
    }

    static String accreditation(String number, LocalDate validTo) {
        return "{\"accreditationBody\":\"Demo Accreditation Service\",\"scheme\":\"ISO/IEC 17021-1\","
                + "\"standards\":[\"iso-iec-27001\"],\"sectors\":[\"IT services\"],\"certificateNumber\":\"" + number
                + "\",\"validFrom\":\"2025-01-01\",\"validTo\":\"" + validTo + "\","
                + "\"evidenceUrl\":\"https://accreditation.example/directory/" + number + "\"}";
    }
}
