package io.serviceproof.services;

import static io.serviceproof.ActingAs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A compliance manager builds an offering, a layer from a template, edits and publishes it in the browser. */
@SpringBootTest
@AutoConfigureMockMvc
class ServicesPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    TestTenant tenant;
    RequestPostProcessor manager;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "services-pages");
        manager = user(tenant, tenant.user(Role.COMPLIANCE_MANAGER));
    }

    private String page(String path, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(manager).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aLayerIsDraftedFromItsTemplateEditedAndPublished() throws Exception {
        String offering = mvc.perform(post("/offerings")
                        .param("name", "Smart warehouse bundle")
                        .param("hardware", "AGVs and scanners")
                        .param("markets", "MY", "TH")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/offerings/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String layer = mvc.perform(post(offering + "/layers")
                        .param("name", "Warehouse SaaS")
                        .param("template", "warehouse-saas")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/layers/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        String draft = page(layer, "en");
        assertThat(draft)
                .contains("availability &gt;= 99.9", "<svg", "Backup region", "target market")
                .contains("Outage halting shipments");
        assertThat(page(layer, "zh-CN")).contains("服务级别协议", "数据出境", "发布为新版本");

        // The inspection template's validation (1 % false accepts) is flagged against its 500 ppm objective.
        String inspection = mvc.perform(post(offering + "/layers")
                        .param("name", "AI inspection")
                        .param("template", "ai-remote-quality-inspection")
                        .with(manager)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(page(inspection, "en")).contains("id=\"validation-checks\"", "objective missed", "10,000.0 ppm");
        assertThat(page(inspection, "zh-CN")).contains("未达目标");

        // A YAML typo is refused with its location and the text kept for fixing.
        String refused = mvc.perform(post(layer + "/draft")
                        .param("yaml", "risks: [\"x\"]\nsla:\n  slos:\n    - {id: a, targt: 1}\n")
                        .with(manager)
                        .with(csrf())
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("/sla/slos/0/targt", "targt: 1");

        mvc.perform(post(layer + "/publish").with(manager).with(csrf()))
                .andExpect(redirectedUrlPattern("/layers/*/versions/1"));
        String version = page(layer + "/versions/1", "en");
        assertThat(version).contains("SHA-256", "never changes", "Warehouse SaaS");

        // Publishing the same draft again changes nothing and says so.
        mvc.perform(post(layer + "/publish").with(manager).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(layer));
        assertThat(page(layer, "en")).contains("v1");
    }

    @Test
    void anEngineerReadsLayersButCannotPublish() throws Exception {
        Offerings offerings = context.getBean(Offerings.class);
        String layer = io.serviceproof.identity.Tenancy.callAs(
                io.serviceproof.identity.Actor.system(tenant.organisation().id(), "test"),
                () -> offerings
                        .createLayer(
                                offerings
                                        .createOffering("Line", "", "", java.util.List.of())
                                        .id(),
                                "Inspection",
                                null,
                                "ai-remote-quality-inspection",
                                null)
                        .id());
        RequestPostProcessor engineer = user(tenant, tenant.user(Role.ENGINEER));
        mvc.perform(get("/layers/" + layer).with(engineer).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk());
        mvc.perform(post("/layers/" + layer + "/publish").with(engineer).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
