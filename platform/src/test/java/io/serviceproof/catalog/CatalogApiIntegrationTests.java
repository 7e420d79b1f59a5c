package io.serviceproof.catalog;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.catalog.exchange.LibraryDocument;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalog API as a compliance manager uses it: import, browse, map, upgrade, recognise. */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogApiIntegrationTests {

    static final String OSCAL_CATALOG = """
            {"catalog": {
              "uuid": "5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d",
              "metadata": {"title": "Customer security checklist", "last-modified": "2026-11-01T00:00:00Z",
                           "version": "2026", "oscal-version": "1.1.2"},
              "groups": [{"id": "g-access", "title": "Access",
                "controls": [
                  {"id": "ac-1", "title": "Remote access is approved per session"},
                  {"id": "ac-2", "title": "Sessions are recorded",
                   "controls": [{"id": "ac-2.1", "title": "Recordings kept 90 days"}]}]}]}}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    TestTenant tenant;
    String owner;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "catalog-api");
        owner = tenant.token(Role.OWNER);
    }

    @Test
    void theStarterLibraryIsListedWithRequirementCountsAndTrees() throws Exception {
        JsonNode iso27001 = frameworks().stream()
                .filter(f -> f.get("key").asString().equals("iso-iec-27001"))
                .findFirst()
                .orElseThrow();
        assertThat(iso27001.get("edition").asString()).isEqualTo("2022");
        assertThat(iso27001.get("requirementCount").asInt()).isGreaterThan(93);

        mvc.perform(get("/api/v1/catalog/frameworks/" + iso27001.get("id").asString() + "/requirements")
                        .with(bearer(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].ref", hasItem("A.8.15")))
                .andExpect(jsonPath("$[*].ref", hasItem("A.5.23")));
    }

    @Test
    void anOscalCatalogImportsWithItsTreeAndLocation() throws Exception {
        String location = mvc.perform(post("/api/v1/catalog/frameworks")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(OSCAL_CATALOG))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/catalog/frameworks/")))
                .andExpect(jsonPath("$.name").value("Customer security checklist"))
                .andExpect(jsonPath("$.edition").value("2026"))
                .andReturn()
                .getResponse()
                .getHeader("Location");

        String requirements = mvc.perform(get(location + "/requirements").with(bearer(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode rows = json.readTree(requirements);
        assertThat(rows).hasSize(4);
        assertThat(rows.findValuesAsString("ref")).contains("ac-2.1");

        // The same edition again is a conflict, and creates nothing.
        int before = frameworks().size();
        mvc.perform(post("/api/v1/catalog/frameworks")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(OSCAL_CATALOG))
                .andExpect(status().isConflict());
        assertThat(frameworks()).hasSize(before);
    }

    @Test
    void anOscalProfileBecomesAChecklistMappedOntoItsBase() throws Exception {
        String iso = frameworkId("iso-iec-27001");
        String uuid = json.readTree(mvc.perform(get("/api/v1/catalog/frameworks/" + iso + "/export?format=oscal")
                                .with(bearer(owner)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .at("/catalog/uuid")
                .asString();
        String profile = """
                {"profile": {"uuid": "0c8d4f52-7a53-4d35-9d1e-2f1b9c3a8e71",
                  "metadata": {"title": "Tender annex: logging", "last-modified": "2026-11-01T00:00:00Z",
                               "version": "1", "oscal-version": "1.1.2"},
                  "imports": [{"href": "urn:uuid:%s", "include-controls": [{"with-ids": ["A.8.15", "A.8.16"]}]}]}}
                """.formatted(uuid);
        String body = mvc.perform(post("/api/v1/catalog/frameworks")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(profile))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.requirementCount").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String checklist = json.readTree(body).get("id").asString();

        // Fully covered by the base: each selected requirement is mapped equal-to, confirmed.
        mvc.perform(get("/api/v1/catalog/frameworks/" + checklist + "/coverage?by=" + iso)
                        .with(bearer(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                        "$.rows[*].coverage", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("full"))));
    }

    @Test
    void yamlAndSpreadsheetsImportAndAnInvalidFileCreatesNothing() throws Exception {
        mvc.perform(post("/api/v1/catalog/frameworks")
                        .with(bearer(owner))
                        .contentType("application/yaml")
                        .content("""
                                format: serviceproof-library/v1
                                frameworks:
                                  - key: buyer-checklist
                                    name: "Buyer checklist"
                                    edition: "2026"
                                    kind: checklist
                                    provenance: {tag: S, source: "tender annex"}
                                    requirements:
                                      - {ref: "1", kind: section, title: "Service levels", zh: "服务级别"}
                                      - {ref: "1.1", parent: "1", kind: item, title: "Availability reported monthly", evidence: [E2]}
                                """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.requirementCount").value(2));

        mvc.perform(multipart("/api/v1/catalog/frameworks")
                        .file(new MockMultipartFile(
                                "file",
                                "national.csv",
                                "text/csv",
                                "ref,parent,kind,title,title_zh,evidence\n1,,clause,Scope,范围,\n1.1,1,clause,Records kept,记录保存,E3\n"
                                        .getBytes(StandardCharsets.UTF_8)))
                        .param("name", "National services standard")
                        .param("edition", "2025")
                        .with(bearer(owner)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("National services standard"))
                .andExpect(jsonPath("$.requirementCount").value(2));

        int before = frameworks().size();
        // Row 3 names a parent that does not exist, so the whole file is rejected.
        mvc.perform(multipart("/api/v1/catalog/frameworks")
                        .file(new MockMultipartFile(
                                "file",
                                "bad.csv",
                                "text/csv",
                                "ref,parent,kind,title\n1,,clause,Scope\n1.1,9,clause,Orphan\n"
                                        .getBytes(StandardCharsets.UTF_8)))
                        .param("name", "Broken standard")
                        .param("edition", "1")
                        .with(bearer(owner)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].location", startsWith("csv row 3")));
        mvc.perform(post("/api/v1/catalog/frameworks")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"catalog\": {\"uuid\": \"not-a-uuid\", \"metadata\": {\"title\": \"x\"}}}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].location", startsWith("#/catalog")));
        assertThat(frameworks()).hasSize(before);
    }

    @Test
    void aSpreadsheetZipBombIsRejectedReadably() throws Exception {
        // A tiny .xlsx whose one sheet inflates a hundredfold and more: POI's ratio guard must refuse it.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(new byte[20_000_000]);
        }
        int before = frameworks().size();
        mvc.perform(multipart("/api/v1/catalog/frameworks")
                        .file(new MockMultipartFile(
                                "file", "bomb.xlsx", "application/octet-stream", bytes.toByteArray()))
                        .param("name", "Bomb")
                        .param("edition", "1")
                        .with(bearer(owner)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].detail").isNotEmpty());
        assertThat(bytes.size()).isLessThan(100_000);
        assertThat(frameworks()).hasSize(before);
    }

    @Test
    void aMappingCountsOnlyOnceConfirmedAndKeepsItsHistory() throws Exception {
        String iso27001 = frameworkId("iso-iec-27001");
        String iso20000 = frameworkId("iso-iec-20000-1");
        String planning = requirementId(iso27001, "A.5.30");
        String continuity = requirementId(iso20000, "8.7.2");
        String before = coverageOf(iso27001, iso20000, planning);

        String created = mvc.perform(post("/api/v1/catalog/mappings")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"sourceId":"%s","targetId":"%s","relationship":"SUBSET_OF","rationale":"SEMANTIC","strength":7}
                                """.formatted(planning, continuity)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("proposed"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String mapping = json.readTree(created).get("id").asString();
        assertThat(coverageOf(iso27001, iso20000, planning))
                .as("proposed does not count")
                .isEqualTo(before);

        mvc.perform(post("/api/v1/catalog/mappings/" + mapping + "/confirm").with(bearer(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("confirmed"));
        assertThat(coverageOf(iso27001, iso20000, planning)).isEqualTo("full");

        mvc.perform(get("/api/v1/catalog/mappings/" + mapping).with(bearer(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history.length()").value(2))
                .andExpect(jsonPath("$.history[*].action", hasItem("confirmed")));

        // An engineer reads but may not change the crosswalk.
        mvc.perform(post("/api/v1/catalog/mappings/" + mapping + "/reject").with(bearer(tenant.token(Role.ENGINEER))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aReviewNamesItsReviewerSourceAndDateAndARecalledRowCannotBeVerified() throws Exception {
        // Tagged C with a source, but nobody has reviewed it: shown as unverified.
        String logging = requirementId(frameworkId("iso-iec-27001"), "A.8.15");
        mvc.perform(get("/api/v1/catalog/requirements/" + logging).with(bearer(owner)))
                .andExpect(jsonPath("$.requirement.provenance.tag").value("C"))
                .andExpect(jsonPath("$.requirement.provenance.verified").value(false))
                .andExpect(jsonPath("$.requirement.provenance.reviewedBy").isEmpty());

        mvc.perform(patch("/api/v1/catalog/requirements/" + logging)
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verified\":true,\"source\":\"https://www.iso.org/standard/27001\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provenance.verified").value(true))
                .andExpect(jsonPath("$.provenance.source").value("https://www.iso.org/standard/27001"))
                .andExpect(jsonPath("$.provenance.reviewedBy", org.hamcrest.Matchers.not("")))
                .andExpect(jsonPath(
                        "$.provenance.reviewedOn", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2}")));

        // Changing the source withdraws the review: it was made against the old one.
        mvc.perform(patch("/api/v1/catalog/requirements/" + logging)
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\":\"a blog post\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provenance.verified").value(false))
                .andExpect(jsonPath("$.provenance.reviewedBy").isEmpty());

        // A recalled row (ISO 9001's structure is [M]) cannot be signed off as verified; nothing changes.
        String improvement = requirementId(frameworkId("iso-9001"), "10.3");
        mvc.perform(patch("/api/v1/catalog/requirements/" + improvement)
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verified\":true,\"title\":\"changed\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("verified"))
                .andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.containsString("cannot be verified")));
        mvc.perform(get("/api/v1/catalog/requirements/" + improvement).with(bearer(owner)))
                .andExpect(jsonPath("$.requirement.title").value("Continual improvement"))
                .andExpect(jsonPath("$.requirement.provenance.verified").value(false));
    }

    @Test
    void searchFindsByClauseIdEnglishAndChineseWithoutUnrelatedCharacterMatches() throws Exception {
        JsonNode byRef = json.readTree(
                mvc.perform(get("/api/v1/catalog/search").param("q", "A.8.15").with(bearer(owner)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(byRef.get(0).get("requirement").get("ref").asString()).isEqualTo("A.8.15");

        JsonNode remote = json.readTree(
                mvc.perform(get("/api/v1/catalog/search").param("q", "远程").with(bearer(owner)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(remote.size()).isPositive();
        // Every hit is about remote work; before, "程" alone pulled in every "流程" (process) title.
        remote.valueStream()
                .forEach(hit -> assertThat(hit.get("requirement").get("titleZh").asString()
                                + hit.get("framework").asString())
                        .contains("远程"));

        JsonNode single = json.readTree(
                mvc.perform(get("/api/v1/catalog/search").param("q", "审").with(bearer(owner)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(single.size()).as("one character alone still finds").isPositive();
    }

    @Test
    void aLibraryUpgradeKeepsLocalEditsAndTakesEverythingElse() throws Exception {
        String iso = frameworkId("iso-iec-27001");
        String logging = requirementId(iso, "A.8.15");
        String monitoring = requirementId(iso, "A.8.16");
        mvc.perform(patch("/api/v1/catalog/requirements/" + logging)
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Logging (our wording for the VN tender)\"}"))
                .andExpect(status().isOk());

        // A later release retitles both; only the one nobody edited here takes the new title.
        StarterLibrary.Release shipped = context.getBean(StarterLibrary.class).release();
        LibraryDocument next = retitled(shipped.document(), "iso-iec-27001", List.of("A.8.15", "A.8.16"));
        Tenancy.runAs(
                Actor.system(tenant.organisation().id(), "test"),
                () -> context.getBean(org.springframework.transaction.support.TransactionTemplate.class)
                        .executeWithoutResult(
                                s -> context.getBean(CatalogWriter.class).installLibrary(next, "2099.1")));

        mvc.perform(get("/api/v1/catalog/requirements/" + logging).with(bearer(owner)))
                .andExpect(jsonPath("$.requirement.title").value("Logging (our wording for the VN tender)"));
        mvc.perform(get("/api/v1/catalog/requirements/" + monitoring).with(bearer(owner)))
                .andExpect(jsonPath("$.requirement.title", startsWith("Release 2099.1:")));
        assertThat(frameworkId("iso-iec-27001"))
                .as("same framework row, upgraded in place")
                .isEqualTo(iso);
    }

    @Test
    void aCertificateIsCheckedPerMarketWithEveryConditionExplained() throws Exception {
        String body = mvc.perform(post("/api/v1/catalog/recognition/results")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"certificate","framework":"iso-iec-27001@2022","scope":"Remote O&M",
                                 "conformityBody":"Nobody Accredited Ltd","issued":"2025-06-01","expires":"2028-06-01"}
                                """))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/catalog/recognition/results/")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(body).get("id").asString();

        mvc.perform(get("/api/v1/catalog/recognition/results/" + id).with(bearer(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.markets[?(@.market == 'VN')].recognised").value(false))
                .andExpect(jsonPath("$.markets[?(@.market == 'VN')].checks[?(@.condition == 'accreditation')].holds")
                        .value(false))
                .andExpect(jsonPath("$.markets[?(@.market == 'VN')].checks[?(@.condition == 'validity')].holds")
                        .value(true));

        mvc.perform(post("/api/v1/catalog/recognition/results")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"certificate","framework":"27001","conformityBody":"X","issued":"2025-06-01"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("framework"));
    }

    private static LibraryDocument retitled(LibraryDocument document, String key, List<String> refs) {
        List<LibraryDocument.FrameworkEntry> frameworks = document.frameworks().stream()
                .map(f -> !f.key().equals(key)
                        ? f
                        : new LibraryDocument.FrameworkEntry(
                                f.key(),
                                f.name(),
                                f.edition(),
                                f.kind(),
                                f.publisher(),
                                f.jurisdiction(),
                                f.status(),
                                f.summary(),
                                f.provenance(),
                                f.requirements().stream()
                                        .map(r -> !refs.contains(r.ref())
                                                ? r
                                                : new LibraryDocument.RequirementEntry(
                                                        r.ref(),
                                                        r.parent(),
                                                        r.kind(),
                                                        "Release 2099.1: " + r.title(),
                                                        r.zh(),
                                                        r.evidence(),
                                                        r.provenance()))
                                        .toList()))
                .toList();
        return new LibraryDocument(
                document.format(),
                document.library(),
                "2099.1",
                frameworks,
                document.adoptions(),
                document.mappings(),
                document.markets(),
                document.recognition());
    }

    private List<JsonNode> frameworks() throws Exception {
        String body = mvc.perform(get("/api/v1/catalog/frameworks").with(bearer(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body).valueStream().toList();
    }

    private String frameworkId(String key) throws Exception {
        return frameworks().stream()
                .filter(f -> f.get("key").asString().equals(key))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
    }

    private String requirementId(String frameworkId, String ref) throws Exception {
        String body = mvc.perform(get("/api/v1/catalog/frameworks/" + frameworkId + "/requirements")
                        .with(bearer(owner)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body)
                .valueStream()
                .filter(r -> r.get("ref").asString().equals(ref))
                .findFirst()
                .orElseThrow(() -> new AssertionError(ref + " not in " + frameworkId))
                .get("id")
                .asString();
    }

    private String coverageOf(String framework, String by, String requirementId) throws Exception {
        ResultActions result = mvc.perform(get("/api/v1/catalog/frameworks/" + framework + "/coverage?by=" + by)
                .with(bearer(owner)));
        JsonNode rows = json.readTree(result.andReturn().getResponse().getContentAsString())
                .get("rows");
        return rows.valueStream()
                .filter(r -> r.get("requirementId").asString().equals(requirementId))
                .findFirst()
                .orElseThrow()
                .get("coverage")
                .asString();
    }
}
