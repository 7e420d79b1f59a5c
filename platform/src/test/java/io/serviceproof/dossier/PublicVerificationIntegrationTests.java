package io.serviceproof.dossier;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.services.Offerings;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** A visitor without an account uploads a credential or dossier and reads the verdict and why. */
@SpringBootTest
@AutoConfigureMockMvc
class PublicVerificationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    TestTenant tenant;
    String credentialId;
    byte[] credential;

    @BeforeEach
    void issue() throws Exception {
        tenant = TestTenant.create(context, "public-verify");
        credentialId = Tenancy.callAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            Offerings offerings = context.getBean(Offerings.class);
            Assessments assessments = context.getBean(Assessments.class);
            String offering =
                    offerings.createOffering("Line", "", "", List.of("MY")).id();
            String layer = offerings
                    .createLayer(offering, "Inspection", "rqi", "ai-remote-quality-inspection", null)
                    .id();
            offerings.publish(layer);
            String assessment = assessments.create(offering, "MY").id();
            assessments.signOff(assessment);
            return context.getBean(io.serviceproof.dossier.CredentialIssuance.class)
                    .issue(assessment, "test: gaps included")
                    .id();
        });
        credential = mvc.perform(get("/api/v1/credentials/" + credentialId).with(bearer(tenant.token(Role.AUDITOR))))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private String upload(String name, byte[] content, String lang) throws Exception {
        return mvc.perform(multipart("/verify")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                        .param("lang", lang)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aVisitorVerifiesACredentialAndADossierWithoutAnAccount() throws Exception {
        mvc.perform(get("/verify")).andExpect(status().isOk());

        String valid = upload("credential.json", credential, "en");
        assertThat(valid).contains("VALID credential", "an organisation on this server", "text-bg-success");
        // Valid, and what it attests: here, non-conformance, which must read as such at a glance.
        assertThat(valid).contains("id=\"attests\"", "NOT CONFORMANT", "market profile MY", "Assessor level");
        assertThat(valid).doesNotContain("text-bg-danger\">failed");

        String chinese = upload("credential.json", credential, "zh-CN");
        assertThat(chinese).contains("有效的凭证", "通过");

        String tampered = upload(
                "credential.json",
                new String(credential)
                        .replace("\"name\":\"Line\"", "\"name\":\"Lime\"")
                        .getBytes(),
                "en");
        assertThat(tampered).contains("INVALID credential", "The signature does not verify");
        String tamperedZh = upload(
                "credential.json",
                new String(credential)
                        .replace("\"name\":\"Line\"", "\"name\":\"Lime\"")
                        .getBytes(),
                "zh-CN");
        assertThat(tamperedZh).contains("无效的凭证", "签名无法验证");

        byte[] dossier = mvc.perform(get("/api/v1/credentials/" + credentialId + "/dossier")
                        .with(bearer(tenant.token(Role.AUDITOR))))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(upload("dossier.zip", dossier, "en")).contains("VALID dossier", "files match the signed manifest");
        // Every finding of a dossier's checks is in the visitor's language, not only their names.
        String dossierZh = upload("dossier.zip", dossier, "zh-CN");
        assertThat(dossierZh)
                .contains("已安全读取", "使用提供的 DID 文档", "符合 W3C 可验证凭证 2.0", "个文件与已签名的清单一致")
                // The verifier's own English stays only as a tooltip (title), never as the cell's text.
                .doesNotContainPattern(">[^<]*(read safely|the DID document given|a W3C Verifiable Credential 2\\.0)");

        // What the QR code of a printed report opens, and the credential's own public address.
        String slug = tenant.organisation().slug();
        assertThat(mvc.perform(get("/verify").param("credential", slug + "/" + credentialId))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("VALID credential");
        assertThat(mvc.perform(get("/orgs/" + slug + "/credentials/" + credentialId))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray())
                .isEqualTo(credential);
        mvc.perform(get("/orgs/" + slug + "/credentials/" + java.util.UUID.randomUUID()))
                .andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/verify").param("credential", slug + "/no-such-credential"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("No such credential on this server");

        Tenancy.runAs(
                Actor.system(tenant.organisation().id(), "test"),
                () -> context.getBean(Credentials.class).revoke(credentialId, "withdrawn"));
        assertThat(upload("credential.json", credential, "en")).contains("INVALID credential", "REVOKED");
        // A dossier built before the revocation carries the old list; the server checks the current one.
        assertThat(upload("dossier.zip", dossier, "en")).contains("INVALID dossier", "REVOKED");
    }

    @Test
    void anythingElseGetsAReadableAnswer() throws Exception {
        assertThat(upload("notes.txt", "hello".getBytes(), "en"))
                .contains("INVALID credential", "The file is not a JSON credential");
        assertThat(upload("broken.zip", new byte[] {'P', 'K', 3, 4, 0, 0}, "en"))
                .contains("INVALID dossier");
        String empty = mvc.perform(multipart("/verify").with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(empty).contains("Choose a credential");
    }

    @Test
    void whenEverySlotIsTakenAVisitorIsAskedToRetryAndNothingIsRead() throws Exception {
        VerificationSlots slots = context.getBean(VerificationSlots.class);
        java.util.List<AutoCloseable> held = new java.util.ArrayList<>();
        while (slots.available() > 0) {
            held.add(slots.hold());
        }
        try {
            String page = mvc.perform(multipart("/verify")
                            .file(new MockMultipartFile("file", "credential.json", "application/json", credential))
                            .with(csrf()))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("busy").doesNotContain("VALID");
        } finally {
            for (AutoCloseable slot : held) {
                slot.close();
            }
        }
        assertThat(upload("credential.json", credential, "en")).contains("VALID credential");
    }

    @Test
    void aCredentialOfAnIssuerThisServerDoesNotKnowIsNotProvenHere() throws Exception {
        // Signed correctly by its own key, under a did:web name this server does not host: nothing here
        // says the key is that issuer's, so the page must not call it valid.
        String did = "did:web:elsewhere.example:orgs:acme";
        byte[] seed = io.serviceproof.verifier.note.Ed25519.newSeed();
        java.util.Map<String, Object> vc = new java.util.LinkedHashMap<>();
        vc.put("@context", java.util.List.of("https://www.w3.org/ns/credentials/v2"));
        vc.put("type", java.util.List.of("DigitalConformityCredential", "VerifiableCredential"));
        vc.put("issuer", java.util.Map.of("id", did, "name", "Elsewhere"));
        vc.put("validFrom", "2026-01-01T00:00:00Z");
        vc.put("credentialSubject", java.util.Map.of("id", "urn:example:attestation", "name", "CNC line"));
        String signed = io.serviceproof.verifier.credential.EddsaJcs2022.sign(
                io.serviceproof.verifier.json.Json.canonical(vc),
                new io.serviceproof.verifier.credential.EddsaJcs2022.ProofOptions(
                        "2026-11-26T00:00:00Z", did + "#key-1", "assertionMethod"),
                seed);
        String page = upload("credential.json", signed.getBytes(java.nio.charset.StandardCharsets.UTF_8), "en");
        assertThat(page)
                .contains("NOT PROVEN credential", "alert-warning", "which this server does not know")
                .doesNotContain("alert-success");
    }

    @Test
    void anUploadDeclaringMoreThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/verify")
                        .with(csrf())
                        .with(request -> {
                            var huge =
                                    new org.springframework.mock.web.MockHttpServletRequest(
                                            request.getServletContext(), "POST", "/verify") {
                                        @Override
                                        public long getContentLengthLong() {
                                            return 10L * PublicVerification.MAX_UPLOAD;
                                        }
                                    };
                            huge.setContent(credential);
                            return huge;
                        }))
                .andExpect(status().isContentTooLarge());
    }
}
