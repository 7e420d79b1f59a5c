package io.serviceproof.assessment;

import static io.serviceproof.ActingAs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A compliance manager starts, reads, overrides and signs off an assessment in the browser. */
@SpringBootTest
@AutoConfigureMockMvc
class AssessmentPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    TestTenant tenant;
    RequestPostProcessor manager;
    String offering;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "assessment-pages");
        manager = user(tenant, tenant.user(Role.COMPLIANCE_MANAGER));
        Offerings offerings = context.getBean(Offerings.class);
        offering = Tenancy.callAs(
                Actor.system(tenant.organisation().id(), "test"),
                () -> offerings
                        .createOffering("Warehouse bundle", "", "", List.of("MY"))
                        .id());
    }

    private String page(String path, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(manager).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void anAssessmentIsStartedOverriddenAndSignedOff() throws Exception {
        String location = mvc.perform(post("/assessments")
                        .param("offeringId", offering)
                        .param("market", "MY")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/assessments/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String english = page(location + "?show=all", "en");
        assertThat(english).contains("Readiness", "Warehouse bundle", "not assessed", "Gap register (XLSX)");
        assertThat(page(location, "zh-CN")).contains("就绪度", "未评估", "差距登记表");
        // The score says how it is computed; requirements are grouped by framework, with a filter by
        // result, titles in the reader's language, and the override as its own labelled form.
        assertThat(english)
                .contains("weighted credit earned", "not assessed yet and earn nothing")
                .contains("id=\"framework-0\"", "Override this result", "Save override")
                .contains("Processors bound by the Security Principle");
        assertThat(page(location + "?show=all", "zh-CN")).contains("处理者直接受安全原则约束", "保存覆盖");
        assertThat(page(location + "?show=compliant", "en")).contains("No requirement has this result.");
        assertThat(page(location + "?show=not-assessed", "en"))
                .contains("Processors bound by the Security Principle")
                .doesNotContain("No requirement has this result.");

        String requirement = english.replaceAll("(?s).*name=\"requirementId\" value=\"([^\"]+)\".*", "$1");
        mvc.perform(post(location + "/overrides")
                        .param("requirementId", requirement)
                        .param("result", "not-applicable")
                        .param("reason", "No consignee data processed in this bundle")
                        .with(manager)
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "assessment.overridden"));
        mvc.perform(post(location + "/overrides")
                        .param("requirementId", requirement)
                        .param("result", "compliant")
                        .with(manager)
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "assessment.error.override"));
        assertThat(page(location + "?show=all", "en"))
                .contains("No consignee data processed in this bundle", "derived: not assessed");

        mvc.perform(post(location + "/sign-off").with(manager).with(csrf()))
                .andExpect(flash().attribute("notice", "assessment.signedOff"));
        assertThat(page(location, "en"))
                .contains("signed off", "SHA-256", "Signed-off history for this market", "<svg", "<circle")
                .doesNotContain("name=\"reason\"");
        assertThat(page("/assessments", "en")).contains("Warehouse bundle", "MY");

        mvc.perform(post(location + "/sign-off")
                        .with(user(tenant, tenant.user(Role.ENGINEER)))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
