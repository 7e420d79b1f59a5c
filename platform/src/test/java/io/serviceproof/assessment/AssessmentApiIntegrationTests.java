package io.serviceproof.assessment;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.catalog.Catalog;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.EntrySearch;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.services.Offerings;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An exporter's gap analysis for Vietnam: derived results, an override, sign-off, exports. */
@SpringBootTest
@AutoConfigureMockMvc
class AssessmentApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    TestTenant tenant;
    String manager;
    String offering;
    String logging;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "assessment");
        manager = tenant.token(Role.COMPLIANCE_MANAGER);
        Offerings offerings = context.getBean(Offerings.class);
        Catalog catalog = context.getBean(Catalog.class);
        Tenancy.runAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            offering = offerings.createOffering("Line", "", "", List.of("VN")).id();
            String layer = offerings
                    .createLayer(offering, "Inspection", null, "ai-remote-quality-inspection", null)
                    .id();
            offerings.publish(layer);
            String iso = catalog.frameworks().stream()
                    .filter(f -> f.reference().equals("iso-iec-27001@2022"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            logging = catalog.requirements(iso).stream()
                    .filter(r -> r.refId().equals("A.8.15"))
                    .findFirst()
                    .orElseThrow()
                    .id();
        });
    }

    private JsonNode send(String method, String path, String body, int expected) throws Exception {
        var request = MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), path)
                .with(bearer(manager));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        String response = mvc.perform(request)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return response.isEmpty() ? null : json.readTree(response);
    }

    private static JsonNode result(JsonNode detail, String requirementId) {
        for (JsonNode r : detail.get("results")) {
            if (r.get("requirementId").asString().equals(requirementId)) {
                return r;
            }
        }
        throw new AssertionError(requirementId + " not applicable");
    }

    @Test
    void evidenceOverridesAndSignOffMoveTheResultsAndTheFrozenResultIsProvable() throws Exception {
        String id = send("POST", "/api/v1/assessments", "{\"offeringId\":\"" + offering + "\",\"market\":\"vn\"}", 201)
                .get("id")
                .asString();
        JsonNode before = send("GET", "/api/v1/assessments/" + id, null, 200);
        assertThat(result(before, logging).get("result").asString()).isEqualTo("not-assessed");
        double scoreBefore = before.at("/assessment/score").asDouble();
        // The published inspection layer documents its SLA (E2) and data flows (E6) already.
        assertThat(before.get("results").findValuesAsString("kind")).contains("layer");
        assertThat(before.get("results").findValues("layers").stream().anyMatch(l -> l.size() > 0))
                .as("some results bear on the published layer")
                .isTrue();

        String evidence = json.readTree(mvc.perform(multipart("/api/v1/evidence")
                                .file(new MockMultipartFile("file", "log.csv", "text/csv", ("log " + id).getBytes()))
                                .param("title", "Inference log export")
                                .param("type", "E3")
                                .param("requirementId", logging)
                                .with(bearer(manager)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asString();
        assertThat(result(send("GET", "/api/v1/assessments/" + id, null, 200), logging)
                        .get("result")
                        .asString())
                .as("linked but not approved")
                .isEqualTo("partial");
        send("POST", "/api/v1/evidence/" + evidence + "/approve", "{}", 200);
        JsonNode after = send("GET", "/api/v1/assessments/" + id, null, 200);
        assertThat(result(after, logging).get("result").asString()).isEqualTo("compliant");
        // The reason names whose approval the link rests on.
        assertThat(result(after, logging).get("reasons").findValuesAsString("text"))
                .contains("Inference log export (v1, approved by token:compliance_manager-token)");
        assertThat(after.at("/assessment/score").asDouble()).isGreaterThan(scoreBefore);

        JsonNode overridden = send(
                "POST",
                "/api/v1/assessments/" + id + "/overrides",
                "{\"requirementId\":\"" + logging
                        + "\",\"result\":\"non-compliant\",\"reason\":\"Logs lack technician ids\"}",
                200);
        assertThat(result(overridden, logging).get("result").asString()).isEqualTo("non-compliant");
        assertThat(result(overridden, logging).get("derived").asString()).isEqualTo("compliant");
        send(
                "POST",
                "/api/v1/assessments/" + id + "/overrides",
                "{\"requirementId\":\"no-such\",\"result\":\"compliant\",\"reason\":\"x\"}",
                400);
        send(
                "POST",
                "/api/v1/assessments/" + id + "/overrides",
                "{\"requirementId\":\"" + logging + "\",\"result\":\"great\",\"reason\":\"x\"}",
                400);

        send(
                "POST",
                "/api/v1/assessments/" + id + "/overrides",
                "{\"requirementId\":\"" + logging
                        + "\",\"result\":\"partial\",\"reason\":\"Ids added for new sessions\"}",
                200);
        JsonNode history = send("GET", "/api/v1/assessments/" + id + "/overrides", null, 200);
        assertThat(history.findValuesAsString("reason"))
                .containsExactly("Ids added for new sessions", "Logs lack technician ids");
        assertThat(result(send("GET", "/api/v1/assessments/" + id, null, 200), logging)
                        .get("result")
                        .asString())
                .isEqualTo("partial");
        // Before sign-off there is no snapshot, and the refusal says what to do instead.
        mvc.perform(get("/api/v1/assessments/" + id + "/export?format=snapshot").with(bearer(manager)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isConflict())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("sign it off first")));
        JsonNode signed = send("POST", "/api/v1/assessments/" + id + "/sign-off", null, 200);
        String sha256 = signed.at("/assessment/sha256").asString();
        byte[] snapshot = mvc.perform(get("/api/v1/assessments/" + id + "/export?format=snapshot")
                        .with(bearer(manager)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(snapshot)))
                .isEqualTo(sha256);
        assertThat(Tenancy.callAs(
                        Actor.system(tenant.organisation().id(), "test"),
                        () -> context.getBean(Ledger.class)
                                .search(new EntrySearch(null, "assessment.signed-off", null, Long.MAX_VALUE, 5))))
                .singleElement()
                .satisfies(e -> assertThat(e.canonicalJson()).contains(sha256));
        send(
                "POST",
                "/api/v1/assessments/" + id + "/overrides",
                "{\"requirementId\":\"" + logging + "\",\"result\":\"compliant\",\"reason\":\"late\"}",
                409);
        send("POST", "/api/v1/assessments/" + id + "/sign-off", null, 409);
        assertThat(send("GET", "/api/v1/assessments", null, 200).findValuesAsString("status"))
                .contains("signed-off");
    }

    @Test
    void exportsOpenInTheirToolsAndOscalValidates() throws Exception {
        String id = send("POST", "/api/v1/assessments", "{\"offeringId\":\"" + offering + "\",\"market\":\"VN\"}", 201)
                .get("id")
                .asString();
        byte[] xlsx = mvc.perform(
                        get("/api/v1/assessments/" + id + "/export?format=xlsx").with(bearer(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheet("gap register").getLastRowNum()).isGreaterThan(50);
            assertThat(book.getSheet("summary").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("VN");
        }
        byte[] soa = mvc.perform(
                        get("/api/v1/assessments/" + id + "/export?format=soa").with(bearer(manager)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(soa))) {
            assertThat(book.getSheetAt(0).getLastRowNum())
                    .as("93 Annex A controls")
                    .isEqualTo(93);
        }
        String oscal = mvc.perform(get("/api/v1/assessments/" + id + "/export?format=oscal")
                        .with(bearer(manager)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // NIST's binding (liboscal) reads it as an OSCAL 1.1 assessment-results document.
        var results = gov.nist.secauto.oscal.lib.OscalBindingContext.instance()
                .newDeserializer(
                        gov.nist.secauto.metaschema.binding.io.Format.JSON,
                        gov.nist.secauto.oscal.lib.model.AssessmentResults.class)
                .deserialize(
                        new ByteArrayInputStream(oscal.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        java.net.URI.create("urn:test"));
        assertThat(results.getResults())
                .singleElement()
                .satisfies(r -> assertThat(r.getFindings()).hasSizeGreaterThan(50));
        mvc.perform(get("/api/v1/assessments/" + id + "/export?format=docx").with(bearer(manager)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/assessments/" + id + "/export?format=snapshot").with(bearer(manager)))
                .andExpect(status().isConflict());
    }

    /** The list reads what open assessments share once; each must still score as its own page does. */
    @Test
    void theListScoresEachAssessmentAsItsOwnPageAndTheComparisonDo() throws Exception {
        String both = Tenancy.callAs(
                Actor.system(tenant.organisation().id(), "test"),
                () -> context.getBean(Offerings.class)
                        .createOffering("Listed line", "", "", List.of("VN", "TH"))
                        .id());
        String vn = send("POST", "/api/v1/assessments", "{\"offeringId\":\"" + both + "\",\"market\":\"VN\"}", 201)
                .get("id")
                .asString();
        String th = send("POST", "/api/v1/assessments", "{\"offeringId\":\"" + both + "\",\"market\":\"TH\"}", 201)
                .get("id")
                .asString();
        send("POST", "/api/v1/assessments/" + th + "/sign-off", null, 200);

        JsonNode list = send("GET", "/api/v1/assessments", null, 200);
        assertThat(list.findValuesAsString("id")).contains(vn, th);
        Map<String, Double> byMarket = new java.util.HashMap<>();
        for (JsonNode summary : list) {
            JsonNode own =
                    send("GET", "/api/v1/assessments/" + summary.get("id").asString(), null, 200);
            assertThat(summary.get("score").asDouble())
                    .as(summary.get("title").asString())
                    .isEqualTo(own.get("assessment").get("score").asDouble());
            if (summary.get("offeringId").asString().equals(both)) {
                byMarket.put(
                        summary.get("market").asString(), summary.get("score").asDouble());
            }
        }
        JsonNode comparison = send("GET", "/api/v1/assessments/comparison?offeringId=" + both, null, 200);
        for (JsonNode market : comparison.get("markets")) {
            assertThat(market.get("score").asDouble())
                    .as(market.get("market").asString())
                    .isEqualTo(byMarket.get(market.get("market").asString()));
        }
    }

    @Test
    void aGapSharedByMarketsIsListedWithThemUntilEvidenceClosesIt() throws Exception {
        String both = Tenancy.callAs(
                Actor.system(tenant.organisation().id(), "test"),
                () -> context.getBean(Offerings.class)
                        .createOffering("Two-market line", "", "", List.of("VN", "TH"))
                        .id());
        JsonNode comparison = send("GET", "/api/v1/assessments/comparison?offeringId=" + both, null, 200);
        assertThat(comparison.get("markets").findValuesAsString("market")).containsExactly("VN", "TH");
        JsonNode logging = null;
        for (JsonNode unlock : comparison.get("unlocks")) {
            if (unlock.get("requirementId").asString().equals(this.logging)) {
                logging = unlock;
            }
        }
        assertThat(logging).as("A.8.15 is a gap in both markets").isNotNull();
        assertThat(logging.get("markets").valueStream().map(JsonNode::asString).toList())
                .containsExactly("VN", "TH");

        String evidence = json.readTree(mvc.perform(multipart("/api/v1/evidence")
                                .file(new MockMultipartFile("file", "log.csv", "text/csv", ("log " + both).getBytes()))
                                .param("title", "Inference log export")
                                .param("type", "E3")
                                .param("requirementId", this.logging)
                                .with(bearer(manager)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asString();
        send("POST", "/api/v1/evidence/" + evidence + "/approve", "{}", 200);
        JsonNode after = send("GET", "/api/v1/assessments/comparison?offeringId=" + both, null, 200);
        assertThat(after.get("unlocks").findValuesAsString("requirementId")).doesNotContain(this.logging);
        send("GET", "/api/v1/assessments/comparison?offeringId=nope", null, 404);
    }

    @Test
    void anOverdueActionRemindsItsOwnerOncePerDueDate() throws Exception {
        String id = send("POST", "/api/v1/assessments", "{\"offeringId\":\"" + offering + "\",\"market\":\"VN\"}", 201)
                .get("id")
                .asString();
        String owner = tenant.user(Role.COMPLIANCE_MANAGER).id().toString();
        String action = send(
                        "POST",
                        "/api/v1/assessments/" + id + "/actions",
                        "{\"requirementId\":\"" + logging
                                + "\",\"title\":\"Export inference logs monthly\",\"ownerId\":\"" + owner
                                + "\",\"dueDate\":\"2026-01-31\"}",
                        201)
                .get("id")
                .asString();
        send(
                "POST",
                "/api/v1/assessments/" + id + "/actions",
                "{\"requirementId\":\"elsewhere\",\"title\":\"x\",\"dueDate\":\"2026-01-31\"}",
                400);

        ActionPlans plans = context.getBean(ActionPlans.class);
        assertThat(plans.remind(tenant.organisation())).isEqualTo(1);
        assertThat(plans.remind(tenant.organisation())).as("once per due date").isZero();
        send("PATCH", "/api/v1/assessments/" + id + "/actions/" + action, "{\"dueDate\":\"2026-02-28\"}", 200);
        assertThat(plans.remind(tenant.organisation()))
                .as("a new due date re-arms it")
                .isEqualTo(1);
        send(
                "PATCH",
                "/api/v1/assessments/" + id + "/actions/" + action,
                "{\"status\":\"done\",\"dueDate\":\"2026-03-31\"}",
                200);
        assertThat(plans.remind(tenant.organisation())).as("done is done").isZero();
        send("PATCH", "/api/v1/assessments/" + id + "/actions/" + action, "{\"status\":\"finished\"}", 400);
        assertThat(send("GET", "/api/v1/assessments/" + id + "/actions", null, 200)
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("done");
    }

    @Test
    void pdfReportsReadInEnglishAndChinese() throws Exception {
        String id = send("POST", "/api/v1/assessments", "{\"offeringId\":\"" + offering + "\",\"market\":\"VN\"}", 201)
                .get("id")
                .asString();
        send("POST", "/api/v1/assessments/" + id + "/sign-off", null, 200);
        String sha256 = send("GET", "/api/v1/assessments/" + id, null, 200)
                .at("/assessment/sha256")
                .asString();
        for (String lang : List.of("en", "zh")) {
            byte[] pdf = mvc.perform(get("/api/v1/assessments/" + id + "/export?format=pdf&lang=" + lang)
                            .with(bearer(manager)))
                    .andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .contentType("application/pdf"))
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            var reader = new com.lowagie.text.pdf.PdfReader(pdf);
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            assertThat(text.replaceAll("\\s+", ""))
                    .contains(lang.equals("en") ? "Readinessreport" : "就绪度报告")
                    .contains(sha256.substring(0, 16));
        }
        byte[] soa = mvc.perform(get("/api/v1/assessments/" + id + "/export?format=soa-pdf&lang=zh")
                        .with(bearer(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String soaText = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(soa))
                .getTextFromPage(1);
        assertThat(soaText.replaceAll("\\s+", "")).contains("适用性声明", "A.5.1", "安全策略");
        assertThat(soaText).doesNotContain("Security policies");

        // Issue 18: the Chinese report's gap table says its reasons in Chinese, not the recorded English.
        var zh = new com.lowagie.text.pdf.PdfReader(
                mvc.perform(get("/api/v1/assessments/" + id + "/export?format=pdf&lang=zh")
                                .with(bearer(manager)))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray());
        StringBuilder all = new StringBuilder();
        for (int page = 1; page <= zh.getNumberOfPages(); page++) {
            all.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(zh).getTextFromPage(page));
        }
        assertThat(all.toString().replaceAll("\\s+", "")).contains("没有证据、映射、证书或服务层文档支持");
        assertThat(all.toString()).doesNotContain("no evidence, mapping", "no recorded review");

        // And so does the gap register in Chinese: its sheets, headings, results and reasons.
        byte[] xlsx = mvc.perform(get("/api/v1/assessments/" + id + "/export?format=xlsx&lang=zh")
                        .with(bearer(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var register = book.getSheet("差距清单");
            assertThat(register).as("the gap register sheet, named in Chinese").isNotNull();
            assertThat(register.getRow(0).getCell(0).getStringCellValue()).isEqualTo("框架");
            String reasons = register.getRow(1).getCell(7).getStringCellValue();
            assertThat(reasons).doesNotContain("no evidence, mapping").containsPattern("\\p{IsHan}");
            assertThat(register.getRow(1).getCell(5).getStringCellValue()).containsPattern("\\p{IsHan}");
        }
    }
}
