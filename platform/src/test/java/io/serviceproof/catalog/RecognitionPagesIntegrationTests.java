package io.serviceproof.catalog;

import static io.serviceproof.ActingAs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The recognition layer has a screen: a compliance manager records a certificate and sees, per
 * market, whether it is recognised and why not; bad input is said at the field and records nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RecognitionPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    private Document page(TestTenant tenant, Role role, String language) throws Exception {
        return Jsoup.parse(mvc.perform(get("/catalog/recognition")
                        .header("Accept-Language", language)
                        .with(user(tenant, tenant.user(role))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aRecordedCertificateShowsItsVerdictPerMarketWithTheReasons() throws Exception {
        TestTenant tenant = TestTenant.create(context, "recognition-page");
        mvc.perform(post("/catalog/recognition/results")
                        .with(user(tenant, tenant.user(Role.COMPLIANCE_MANAGER)))
                        .with(csrf())
                        .param("kind", "certificate")
                        .param("framework", "iso-iec-27001@2022")
                        .param("conformityBody", "Example Certification Ltd")
                        .param("issued", "2026-01-15")
                        .param("expires", "2029-01-14"))
                .andExpect(status().is3xxRedirection());

        Document english = page(tenant, Role.AUDITOR, "en");
        assertThat(english.select(".card h3").text()).contains("iso-iec-27001@2022", "Example Certification Ltd");
        String verdicts = english.select("table.verdicts").text();
        // No accreditation is recorded for the body: no market may call it recognised.
        assertThat(verdicts).contains("CN", "VN", "not recognised");
        assertThat(english.select("table.verdicts td").eachText()).doesNotContain("recognised");
        assertThat(english.select("#acceptance-rules").text()).contains("local approval or registration");
        // Auditors read; only owners and compliance managers see the forms.
        assertThat(english.select("#result-form")).isEmpty();

        Document chinese = page(tenant, Role.COMPLIANCE_MANAGER, "zh-CN");
        assertThat(chinese.select("table.verdicts").text()).contains("不认可");
        assertThat(chinese.select("#result-form")).isNotEmpty();
    }

    @Test
    void badInputIsSaidAtTheFieldAndRecordsNothing() throws Exception {
        TestTenant tenant = TestTenant.create(context, "recognition-bad");
        String html = mvc.perform(post("/catalog/recognition/results")
                        .with(user(tenant, tenant.user(Role.COMPLIANCE_MANAGER)))
                        .with(csrf())
                        .param("kind", "certificate")
                        .param("framework", "ISO 27001")
                        .param("conformityBody", "Example Certification Ltd")
                        .param("issued", "2026-01-15")
                        .param("expires", "2025-01-01"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertThat(page.select("#framework-error").text()).contains("key@edition");
        assertThat(page.select("#expires-error").text()).contains("after the issue date");
        assertThat(page.select("#conformityBody").val()).isEqualTo("Example Certification Ltd");
        assertThat(Tenancy.callAs(
                        Actor.system(tenant.organisation().id(), "test"),
                        () -> context.getBean(Catalog.class).conformityResults()))
                .isEmpty();
        // Engineers read the library; they do not record certificates.
        mvc.perform(post("/catalog/recognition/results")
                        .with(user(tenant, tenant.user(Role.ENGINEER)))
                        .with(csrf())
                        .param("kind", "certificate"))
                .andExpect(status().isForbidden());
    }
}
