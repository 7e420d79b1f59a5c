package io.serviceproof.catalog;

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
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.function.Supplier;
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

/** The catalog pages a compliance manager works in: mappings with history, and new editions. */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    TestTenant tenant;
    RequestPostProcessor manager;
    Catalog catalog;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "catalog-pages");
        manager = user(tenant, tenant.user(Role.COMPLIANCE_MANAGER));
        catalog = context.getBean(Catalog.class);
    }

    private <T> T inTenant(Supplier<T> read) {
        return Tenancy.callAs(Actor.system(tenant.organisation().id(), "test"), read::get);
    }

    private Framework framework(String key) {
        return inTenant(() -> catalog.frameworks().stream()
                .filter(f -> f.key().equals(key))
                .findFirst()
                .orElseThrow());
    }

    private Requirement requirement(Framework framework, String ref) {
        return inTenant(() -> catalog.requirements(framework.id()).stream()
                .filter(r -> r.refId().equals(ref))
                .findFirst()
                .orElseThrow());
    }

    private String page(String path, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(manager).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aManagerRecordsAReviewOnTheRequirementPageAndARecalledRowIsRefusedWithTheReason() throws Exception {
        Requirement logging = requirement(framework("iso-iec-27001"), "A.8.15");
        String path = "/catalog/requirements/" + logging.id();
        assertThat(page(path, "en")).contains("Record my review").contains("unverified");

        mvc.perform(post(path + "/review")
                        .with(manager)
                        .with(csrf())
                        .param("verified", "true")
                        .param("source", "https://www.iso.org/standard/27001"))
                .andExpect(status().is3xxRedirection());
        String reviewed = page(path, "en");
        assertThat(reviewed).contains("verified by").contains("Withdraw the review");
        assertThat(page(path, "zh-CN")).contains("核实");

        Requirement improvement = requirement(framework("iso-9001"), "10.3");
        mvc.perform(post("/catalog/requirements/" + improvement.id() + "/review")
                        .with(manager)
                        .with(csrf())
                        .param("verified", "true")
                        .param("source", "https://example.org"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "catalog.review.refused"));
        assertThat(inTenant(() -> catalog.requirement(improvement.id()).provenance()))
                .as("nothing changed")
                .isEqualTo(improvement.provenance());

        // An engineer reads the page but may not record a review.
        mvc.perform(post(path + "/review")
                        .with(user(tenant, tenant.user(Role.ENGINEER)))
                        .with(csrf())
                        .param("verified", "false"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRefusedImportKeepsWhatWasTypedAndSaysSoAtTheTopAndTheLettersAreExplained() throws Exception {
        String page = mvc.perform(multipart("/catalog/import")
                        .file(new MockMultipartFile(
                                "file",
                                "bad.csv",
                                "text/csv",
                                "ref,parent,kind,title\n1,,clause,Scope\n1.1,9,clause,Orphan\n"
                                        .getBytes(StandardCharsets.UTF_8)))
                        .param("name", "Buyer checklist")
                        .param("edition", "2027")
                        .with(manager)
                        .with(csrf())
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("id=\"import-refused-top\"", "id=\"import-errors\"")
                .contains("value=\"Buyer checklist\"", "value=\"2027\"");
        assertThat(page.indexOf("import-refused-top")).isLessThan(page.indexOf("id=\"frameworks\""));
        assertThat(page("/catalog", "en")).contains("What the provenance letters mean", "Recalled, not checked");
        assertThat(page("/catalog", "zh-CN")).contains("来源字母的含义", "凭记忆录入");
    }

    @Test
    void aMappingProposedOnARequirementPageIsEditedAndConfirmedWithHistory() throws Exception {
        Framework iso27001 = framework("iso-iec-27001");
        Framework iso9001 = framework("iso-9001");
        Requirement continuity = requirement(iso27001, "A.5.30");

        String location = mvc.perform(post("/catalog/requirements/" + continuity.id() + "/mappings")
                        .with(manager)
                        .with(csrf())
                        .param("targetFramework", iso9001.id())
                        .param("targetRef", "7.1")
                        .param("relationship", "INTERSECTS_WITH")
                        .param("rationale", "FUNCTIONAL")
                        .param("strength", "4")
                        .param("note", "Resources for continuity"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/catalog/mappings/*"))
                .andExpect(flash().attribute("notice", "catalog.mapping.created"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String id = location.substring(location.lastIndexOf('/') + 1);

        mvc.perform(post("/catalog/mappings/" + id)
                        .with(manager)
                        .with(csrf())
                        .param("relationship", "SUBSET_OF")
                        .param("rationale", "SEMANTIC")
                        .param("strength", "6")
                        .param("confidence", "MEDIUM")
                        .param("note", "Continuity needs resources"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/catalog/mappings/" + id + "/confirm").with(manager).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/catalog/mappings/" + id));

        String english = page("/catalog/mappings/" + id, "en");
        assertThat(english)
                .contains("subset-of", "Confirmed", "Counts in coverage", "Continuity needs resources")
                .contains("Created", "Edited");
        assertThat(inTenant(() -> catalog.history(id)))
                .extracting(MappingChange::action)
                .containsExactly("created", "edited", "confirmed");
        assertThat(page("/catalog/mappings/" + id, "zh-CN")).contains("历史", "已确认", "编辑");
        assertThat(page("/catalog/requirements/" + continuity.id(), "en")).contains("/catalog/mappings/" + id);
    }

    @Test
    void aBadMappingFormSaysWhatIsWrongAndCreatesNothing() throws Exception {
        Framework iso27001 = framework("iso-iec-27001");
        Requirement logging = requirement(iso27001, "A.8.15");
        int before = inTenant(
                () -> catalog.mappings(EnumSet.allOf(MappingStatus.class)).size());

        var refused = mvc.perform(post("/catalog/requirements/" + logging.id() + "/mappings")
                        .with(manager)
                        .with(csrf())
                        .param("targetFramework", framework("iso-9001").id())
                        .param("targetRef", "99.99")
                        .param("relationship", "EQUAL_TO")
                        .param("rationale", "SEMANTIC"))
                .andExpect(flash().attribute("problem", "catalog.mapping.error.noTarget"))
                .andReturn();
        mvc.perform(post("/catalog/requirements/" + logging.id() + "/mappings")
                        .with(manager)
                        .with(csrf())
                        .param("targetFramework", iso27001.id())
                        .param("targetRef", "A.8.16")
                        .param("relationship", "EQUAL_TO")
                        .param("rationale", "SEMANTIC"))
                .andExpect(flash().attribute("problem", "catalog.mapping.error.sameFramework"));

        assertThat(inTenant(() ->
                        catalog.mappings(EnumSet.allOf(MappingStatus.class)).size()))
                .isEqualTo(before);
        // The page the refusal redirects to, in the same browser, says why.
        String shown = mvc.perform(get("/catalog/requirements/" + logging.id())
                        .with(manager)
                        .with(io.serviceproof.SameBrowser.as(refused))
                        .param("lang", "zh-CN")
                        .accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(shown).contains("所选框架中没有该条款编号的要求");
    }

    @Test
    void importingANewEditionShowsWhatChanged() throws Exception {
        String first = "ref,title\n1,Scope\n2,Remote access approved\n3,Logs kept 90 days\n";
        String second = "ref,parent,title\n1,,Scope\n2,,Remote access approved per session\n4,,Sessions recorded\n";
        mvc.perform(multipart("/catalog/import")
                        .file(new MockMultipartFile(
                                "file", "checklist.csv", "text/csv", first.getBytes(StandardCharsets.UTF_8)))
                        .param("name", "Buyer remote-service checklist")
                        .param("edition", "2025")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/catalog/frameworks/*"));

        String location = mvc.perform(multipart("/catalog/import")
                        .file(new MockMultipartFile(
                                "file", "checklist-2026.csv", "text/csv", second.getBytes(StandardCharsets.UTF_8)))
                        .param("name", "Buyer remote-service checklist")
                        .param("edition", "2026")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/catalog/frameworks/*/diff?from=*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        String diff = page(location, "en");
        assertThat(diff).contains("1 added, 1 removed, 1 retitled, 0 moved, 1 unchanged.");
        assertThat(diff).contains("Sessions recorded", "Logs kept 90 days", "Remote access approved per session");
        assertThat(page(location, "zh-CN")).contains("新增 1 条，删除 1 条，改名 1 条");
    }
}
