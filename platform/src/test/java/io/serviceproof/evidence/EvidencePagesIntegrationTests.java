package io.serviceproof.evidence;

import static io.serviceproof.ActingAs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Framework;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The vault's pages: upload with a link, refusals in the reader's language, review by role. */
@SpringBootTest
@AutoConfigureMockMvc
class EvidencePagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    TestTenant tenant;
    RequestPostProcessor engineer;
    RequestPostProcessor manager;
    String iso27001;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "evidence-pages");
        engineer = user(tenant, tenant.user(Role.ENGINEER));
        manager = user(tenant, tenant.user(Role.COMPLIANCE_MANAGER));
        iso27001 = Tenancy.callAs(
                Actor.system(tenant.organisation().id(), "test"),
                () -> context.getBean(Catalog.class).frameworks().stream()
                        .filter(f -> f.key().equals("iso-iec-27001"))
                        .map(Framework::id)
                        .findFirst()
                        .orElseThrow());
    }

    private MockMultipartFile file(String name) {
        return new MockMultipartFile(
                "file", name, "text/plain", ("log " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theUploadLinkOfTheEvidenceListOpensTheFormForEveryRole() throws Exception {
        for (Role role : Role.values()) {
            String list = mvc.perform(get("/evidence")
                            .with(user(tenant, tenant.user(role)))
                            .accept(MediaType.TEXT_HTML))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/evidence/new[^\"]*)\"")
                    .matcher(list);
            if (!link.find()) {
                continue; // a role that may not upload is not offered the link
            }
            String href = link.group(1).replace("&amp;", "&");
            mvc.perform(get(href).with(user(tenant, tenant.user(role))).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/evidence/new").param("requirement", "").with(engineer).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk());
    }

    @Test
    void anEngineerUploadsLinkedEvidenceThatAManagerApproves() throws Exception {
        String location = mvc.perform(multipart("/evidence")
                        .file(file("access-log.csv"))
                        .param("title", "Remote session log, November")
                        .param("type", "E3")
                        .param("effectiveDate", "2026-11-01")
                        .param("framework", iso27001)
                        .param("ref", "a.8.15")
                        .with(engineer)
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/evidence/*"))
                .andExpect(flash().attribute("notice", "evidence.registered"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        mvc.perform(post(location + "/approve").with(engineer).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(location + "/approve").with(manager).with(csrf()).param("comment", "Complete"))
                .andExpect(flash().attribute("notice", "evidence.approved"));

        String page = mvc.perform(
                        get(location).with(engineer).param("lang", "zh-CN").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("已批准", "今天计为有效证据", "ISO/IEC 27001:2022 A.8.15", "Complete");

        String requirement = location.substring(location.lastIndexOf('/') + 1);
        String list = mvc.perform(get("/evidence")
                        .param("status", "approved")
                        .with(engineer)
                        .accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("Remote session log, November", requirement);
    }

    @Test
    void evidenceIsLinkedToAServiceLayerFromItsPageButNotToAnotherOrganisationsLayer() throws Exception {
        String layer = Tenancy.callAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            var offerings = context.getBean(io.serviceproof.services.Offerings.class);
            String offering = offerings
                    .createOffering("Line", "", "CNC", java.util.List.of("VN"))
                    .id();
            return offerings
                    .createLayer(offering, "Remote O&M", null, "cloud-om-predictive-maintenance", null)
                    .id();
        });
        TestTenant other = TestTenant.create(context, "evidence-pages-other");
        String foreignLayer = Tenancy.callAs(Actor.system(other.organisation().id(), "test"), () -> {
            var offerings = context.getBean(io.serviceproof.services.Offerings.class);
            String offering = offerings
                    .createOffering("Theirs", "", "CNC", java.util.List.of("VN"))
                    .id();
            return offerings
                    .createLayer(offering, "Their layer", null, "cloud-om-predictive-maintenance", null)
                    .id();
        });
        String location = mvc.perform(multipart("/evidence")
                        .file(file("runbook.pdf"))
                        .param("title", "Failure-response runbook")
                        .param("type", "E8")
                        .param("effectiveDate", "2026-11-01")
                        .with(engineer)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String page = mvc.perform(get(location).with(engineer).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"layer-link-form\"", "Remote O&amp;M").doesNotContain("Their layer");

        mvc.perform(post(location + "/layer-links")
                        .param("layerId", foreignLayer)
                        .with(engineer)
                        .with(csrf()))
                .andExpect(flash().attributeExists("problem"));
        mvc.perform(post(location + "/layer-links")
                        .param("layerId", layer)
                        .with(engineer)
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "evidence.linked"));
        assertThat(mvc.perform(get(location).with(engineer).accept(MediaType.TEXT_HTML))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("href=\"/layers/" + layer + "\"");
    }

    @Test
    void aRefusedUploadSaysWhyInTheReadersLanguageAndKeepsTheForm() throws Exception {
        String page = mvc.perform(multipart("/evidence")
                        .file(file("../../etc/passwd"))
                        .param("title", "Sneaky")
                        .param("type", "E3")
                        .param("effectiveDate", "2026-11-01")
                        .param("lang", "zh-CN")
                        .with(engineer)
                        .with(csrf())
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("文件名必须是单纯的文件名").contains("value=\"Sneaky\"");

        String english = mvc.perform(multipart("/evidence")
                        .file(file("log.csv"))
                        .param("title", "Wrong clause")
                        .param("type", "E3")
                        .param("effectiveDate", "2026-11-01")
                        .param("framework", iso27001)
                        .param("ref", "Z.99")
                        .param("lang", "en")
                        .with(engineer)
                        .with(csrf())
                        .accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english).contains("No requirement with that clause id in the chosen framework.");
        assertThat(Tenancy.callAs(
                        Actor.system(tenant.organisation().id(), "test"),
                        () -> context.getBean(Vault.class).find(EvidenceFilter.all())))
                .isEmpty();
    }
}
