package io.serviceproof.dossier;

import static io.serviceproof.ActingAs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.services.Offerings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A compliance manager issues a credential from the assessment page, builds its dossier and revokes it. */
@SpringBootTest
@AutoConfigureMockMvc
class CredentialPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void issueBuildDownloadAndRevokeFromThePages() throws Exception {
        TestTenant tenant = TestTenant.create(context, "credential-pages");
        String assessment = Tenancy.callAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            Offerings offerings = context.getBean(Offerings.class);
            Assessments assessments = context.getBean(Assessments.class);
            String offering =
                    offerings.createOffering("Line", "", "", List.of("ID")).id();
            offerings.publish(offerings
                    .createLayer(offering, "Inspection", "rqi", "ai-remote-quality-inspection", null)
                    .id());
            String id = assessments.create(offering, "ID").id();
            assessments.signOff(id);
            return id;
        });
        var manager = tenant.user(Role.COMPLIANCE_MANAGER);
        assertThat(page("/assessments/" + assessment, tenant, manager)).contains("id=\"issue-credential\"");
        // Not conformant: the page asks why, and issues only with a reason.
        var asked = mvc.perform(post("/assessments/" + assessment + "/credential")
                        .with(user(tenant, manager))
                        .with(csrf()))
                .andExpect(redirectedUrl("/assessments/" + assessment))
                .andReturn();
        assertThat(asked.getFlashMap().get("confirmBelowReadiness")).isEqualTo(true);
        assertThat(mvc.perform(get("/assessments/" + assessment)
                                .with(user(tenant, manager))
                                .with(io.serviceproof.SameBrowser.as(asked)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"confirm-below-readiness\"", "NON-CONFORMANCE", "name=\"belowReadinessReason\"");
        assertThat(Tenancy.callAs(
                        Actor.system(tenant.organisation().id(), "test"),
                        () -> context.getBean(Credentials.class).credentials()))
                .isEmpty();
        mvc.perform(post("/assessments/" + assessment + "/credential")
                        .with(user(tenant, manager))
                        .with(csrf())
                        .param("belowReadinessReason", "Declared to the buyer with its gaps"))
                .andExpect(redirectedUrl("/credentials"));
        String list = page("/credentials?lang=zh-CN", tenant, manager);
        assertThat(list).contains("id=\"credentials\"", "有效", "did:web:", "不符合");
        String credentialId = Tenancy.callAs(
                        Actor.system(tenant.organisation().id(), "test"),
                        () -> context.getBean(Credentials.class).credentials())
                .get(0)
                .id();

        String build = mvc.perform(post("/credentials/" + credentialId + "/dossier")
                        .with(user(tenant, manager))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String progress = "";
        for (int i = 0; i < 300 && !progress.contains("id=\"download\""); i++) {
            Thread.sleep(100);
            progress = page(build + "/progress", tenant, manager);
        }
        assertThat(progress).contains("id=\"download\"", "100 %");
        assertThat(page(build, tenant, manager)).contains("id=\"progress\"");
        byte[] zip = mvc.perform(get(build + "/file").with(user(tenant, manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(zip[0]).isEqualTo((byte) 'P');

        mvc.perform(post("/credentials/" + credentialId + "/revoke")
                        .param("reason", "")
                        .with(user(tenant, manager))
                        .with(csrf()))
                .andExpect(redirectedUrl("/credentials"));
        assertThat(page("/credentials", tenant, manager)).doesNotContain("revoked</span>");
        mvc.perform(post("/credentials/" + credentialId + "/revoke")
                        .param("reason", "Assessment superseded")
                        .with(user(tenant, manager))
                        .with(csrf()))
                .andExpect(redirectedUrl("/credentials"));
        assertThat(page("/credentials", tenant, manager)).contains("text-bg-danger");
        // An engineer may look, not revoke.
        mvc.perform(post("/credentials/" + credentialId + "/revoke")
                        .param("reason", "x")
                        .with(user(tenant, tenant.user(Role.ENGINEER)))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    private String page(String path, TestTenant tenant, io.serviceproof.identity.users.UserAccount who)
            throws Exception {
        return mvc.perform(get(path).with(user(tenant, who)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
