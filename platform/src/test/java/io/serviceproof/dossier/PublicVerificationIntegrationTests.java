package io.serviceproof.dossier;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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
            return context.getBean(Credentials.class).issue(assessment).id();
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
        assertThat(valid).doesNotContain("text-bg-danger");

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
}
