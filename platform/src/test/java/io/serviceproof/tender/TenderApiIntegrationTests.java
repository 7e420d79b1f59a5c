package io.serviceproof.tender;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.common.Sha256;
import io.serviceproof.identity.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 20 through the API: a buyer's workbook is imported with its layout, matched in the background,
 * answered by a person, and exported into the same workbook with only the answer columns written; a
 * CSV keeps its delimiter and character set and cannot smuggle formulas; answers are remembered for the
 * next tender; the matrix digest moves with every answer; bad input is refused and changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TenderApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    TestTenant tenant;
    String compliance;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "tenders");
        compliance = tenant.token(Role.COMPLIANCE_MANAGER);
    }

    static byte[] buyersWorkbook() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var filled = book.createCellStyle();
            filled.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.LIGHT_YELLOW.getIndex());
            filled.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            filled.setWrapText(true);
            Sheet spec = book.createSheet("Technical requirements");
            spec.createRow(0).createCell(0).setCellValue("TENDER No. HP-2026-17: CNC line with remote services");
            Row header = spec.createRow(2);
            List<String> titles = List.of("No.", "Requirement", "Buyer's remarks", "Weight");
            for (int c = 0; c < titles.size(); c++) {
                header.createCell(c).setCellValue(titles.get(c));
            }
            String[][] rows = {
                {"1.1", "The system shall keep tamper-evident audit logs of all remote sessions.", "mandatory"},
                {"1.2", "Configuration data shall be backed up daily and restores tested quarterly.", ""},
                {"1.3", "The machines shall be painted RAL 7035 light grey.", ""}
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = spec.createRow(3 + r);
                for (int c = 0; c < 3; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
                row.getCell(1).setCellStyle(filled);
                row.createCell(3).setCellFormula("10*" + (r + 1));
            }
            Sheet prices = book.createSheet("Prices");
            prices.createRow(0).createCell(0).setCellValue("Line item");
            prices.createRow(1).createCell(0).setCellValue("CNC line, 4 machines");
            var out = new java.io.ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    MockMultipartHttpServletRequestBuilder importing(MockMultipartFile file, Map<String, String> params) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/tenders");
        if (file != null) {
            request.file(file);
        }
        params.forEach(request::param);
        return request;
    }

    JsonNode importAndMatch(MockMultipartFile file, Map<String, String> params) throws Exception {
        String location = mvc.perform(importing(file, params).with(bearer(compliance)))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode detail = read(location, compliance);
            String state = detail.at("/tender/status").asString();
            if (state.equals("done") || state.equals("failed")) {
                assertThat(state).isEqualTo("done");
                return detail;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("matching did not finish: " + location);
    }

    JsonNode read(String path, String token) throws Exception {
        return json.readTree(mvc.perform(get(path).with(bearer(token)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    JsonNode answer(String tender, String clause, Map<String, Object> body) throws Exception {
        return json.readTree(mvc.perform(put("/api/v1/tenders/" + tender + "/clauses/" + clause + "/answer")
                        .with(bearer(compliance))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    byte[] download(String path) throws Exception {
        return mvc.perform(get(path).with(bearer(compliance)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    @Test
    void aWorkbookIsMatchedAnsweredAndExportedIntoTheBuyersOwnLayout() throws Exception {
        byte[] workbook = buyersWorkbook();
        JsonNode detail = importAndMatch(
                new MockMultipartFile("file", "HP-2026-17 requirements.xlsx", "application/octet-stream", workbook),
                Map.of("title", "HP-2026-17 Haiphong CNC line", "buyer", "Haiphong Auto Parts"));
        String id = detail.at("/tender/id").asString();
        assertThat(detail.at("/tender/sourceSha256").asString()).isEqualTo(Sha256.hex(workbook));
        assertThat(detail.at("/tender/clauses").asInt()).isEqualTo(3);
        assertThat(detail.get("answered").asInt()).isZero();
        assertThat(detail.get("gaps").asInt())
                .as("the paint clause matches nothing")
                .isEqualTo(1);

        JsonNode clauses = read("/api/v1/tenders/" + id + "/clauses", compliance);
        JsonNode logs = clauses.get(0);
        assertThat(logs.get("number").asString()).isEqualTo("1.1");
        assertThat(logs.get("row").asInt()).isEqualTo(4);
        assertThat(logs.get("sheet").asString()).isEqualTo("Technical requirements");
        assertThat(logs.get("answer").isNull())
                .as("nothing is answered before a person confirms")
                .isTrue();
        List<String> labels = logs.get("suggestions")
                .valueStream()
                .map(s -> s.get("label").asString())
                .toList();
        assertThat(labels).anySatisfy(l -> assertThat(l).contains("Auditable events"));
        JsonNode first = logs.at("/suggestions/0");
        assertThat(first.get("reasons").size()).isPositive();
        assertThat(first.get("flags").valueStream().map(JsonNode::asString).toList())
                .contains("no approved evidence linked");
        assertThat(clauses.get(2).get("suggestions").size()).isZero();

        String digestBefore = detail.get("matrixSha256").asString();
        String key = first.get("kind").asString() + ":" + first.get("target").asString();
        JsonNode answered =
                answer(id, logs.get("id").asString(), Map.of("chosen", List.of(key), "remarks", "see annex B"));
        assertThat(answered.get("answer").asString())
                .as("a flagged pick drafts a partial answer")
                .isEqualTo("partial");
        assertThat(answered.get("references").asString())
                .isEqualTo(first.get("reference").asString());
        assertThat(answered.get("flags").valueStream().map(JsonNode::asString).toList())
                .contains("no approved evidence linked");
        answer(
                id,
                clauses.get(2).get("id").asString(),
                Map.of("answer", "not-applicable", "remarks", "colour on order"));

        JsonNode after = read("/api/v1/tenders/" + id, compliance);
        assertThat(after.get("answered").asInt()).isEqualTo(2);
        String digest = after.get("matrixSha256").asString();
        assertThat(digest).isNotEqualTo(digestBefore);
        byte[] matrix = download("/api/v1/tenders/" + id + "/matrix.json");
        assertThat(Sha256.hex(matrix)).isEqualTo(digest);
        JsonNode matrixJson = json.readTree(matrix);
        assertThat(matrixJson.at("/clauses/0/answer").asString()).isEqualTo("partial");
        assertThat(matrixJson.at("/source/sha256").asString()).isEqualTo(Sha256.hex(workbook));

        try (XSSFWorkbook exported =
                        new XSSFWorkbook(new ByteArrayInputStream(download("/api/v1/tenders/" + id + "/export")));
                XSSFWorkbook original = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet spec = exported.getSheet("Technical requirements");
            // The buyer's remarks column is theirs; answer and reference columns come after their last one.
            assertThat(spec.getRow(2).getCell(4).getStringCellValue()).isEqualTo("Compliance");
            assertThat(spec.getRow(2).getCell(5).getStringCellValue()).isEqualTo("Reference");
            assertThat(spec.getRow(3).getCell(4).getStringCellValue()).isEqualTo("Partially comply");
            assertThat(spec.getRow(3).getCell(5).getStringCellValue())
                    .isEqualTo(first.get("reference").asString());
            assertThat(spec.getRow(3).getCell(2).getStringCellValue()).isEqualTo("see annex B");
            assertThat(spec.getRow(5).getCell(4).getStringCellValue()).isEqualTo("Not applicable");
            assertThat(spec.getRow(4).getCell(4))
                    .as("an unanswered clause stays blank")
                    .isNull();
            // Nothing of the buyer's is changed: text, formulas, styles, the other sheet.
            assertThat(spec.getRow(3).getCell(3).getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(spec.getRow(3).getCell(3).getCellFormula()).isEqualTo("10*1");
            assertThat(spec.getRow(0).getCell(0).getStringCellValue()).startsWith("TENDER No. HP-2026-17");
            assertThat(spec.getRow(3).getCell(4).getCellStyle().getFillForegroundColor())
                    .isEqualTo(spec.getRow(3).getCell(1).getCellStyle().getFillForegroundColor());
            Sheet originalSpec = original.getSheet("Technical requirements");
            for (int r = 3; r <= 5; r++) {
                assertThat(spec.getRow(r).getCell(1).getStringCellValue())
                        .isEqualTo(originalSpec.getRow(r).getCell(1).getStringCellValue());
            }
            assertThat(exported.getSheet("Prices").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("CNC line, 4 machines");
        }

        JsonNode cleared = json.readTree(mvc.perform(delete("/api/v1/tenders/" + id + "/clauses/"
                                + logs.get("id").asString() + "/answer")
                        .with(bearer(compliance)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(cleared.get("answer").isNull()).isTrue();
        assertThat(read("/api/v1/tenders/" + id, compliance).get("matrixSha256").asString())
                .isNotEqualTo(digest);
    }

    @Test
    void aGbkCsvComesBackInGbkWithItsSemicolonsAndNoFormulaCanBeSmuggledIn() throws Exception {
        String csv = "序号;技术要求;备注\r\n1;系统应记录远程会话的审计日志;\r\n2;供应商应提供7x24小时远程技术支持;\r\n";
        Charset gbk = Charset.forName("GBK");
        JsonNode detail = importAndMatch(
                new MockMultipartFile("file", "要求.csv", "text/csv", csv.getBytes(gbk)), Map.of("title", "越南客户投标"));
        String id = detail.at("/tender/id").asString();
        assertThat(detail.at("/tender/language").asString()).isEqualTo("zh");
        JsonNode clauses = read("/api/v1/tenders/" + id + "/clauses", compliance);

        answer(
                id,
                clauses.get(1).get("id").asString(),
                Map.of("answer", "comply", "remarks", "=HYPERLINK(\"http://evil.example\",\"点击\")"));

        String exported = new String(download("/api/v1/tenders/" + id + "/export"), Charset.forName("GB18030"));
        List<String> lines = exported.lines().toList();
        assertThat(lines.get(0)).isEqualTo("序号;技术要求;备注;响应情况;证明材料");
        assertThat(lines.get(1)).isEqualTo("1;系统应记录远程会话的审计日志;");
        assertThat(lines.get(2))
                .startsWith("2;供应商应提供7x24小时远程技术支持;\"'=HYPERLINK(")
                .endsWith(";符合;");
    }

    @Test
    void aConfirmedAnswerIsOfferedFirstInTheNextTenderAskingTheSame() throws Exception {
        JsonNode first = importAndMatch(
                null,
                Map.of("title", "First tender", "text", "3.2 The supplier shall keep audit logs of remote sessions."));
        String firstId = first.at("/tender/id").asString();
        JsonNode clause =
                read("/api/v1/tenders/" + firstId + "/clauses", compliance).get(0);
        JsonNode pick = clause.at("/suggestions/0");
        answer(
                firstId,
                clause.get("id").asString(),
                Map.of(
                        "chosen",
                                List.of(pick.get("kind").asString() + ":"
                                        + pick.get("target").asString()),
                        "answer", "comply",
                        "remarks", "logs exported monthly"));

        JsonNode second = importAndMatch(
                null,
                Map.of("title", "Second tender", "text", "A-7  THE SUPPLIER SHALL KEEP AUDIT LOGS OF REMOTE SESSIONS"));
        JsonNode again = read("/api/v1/tenders/" + second.at("/tender/id").asString() + "/clauses", compliance)
                .get(0);
        JsonNode repeated = again.at("/suggestions/0");
        assertThat(repeated.get("kind").asString()).isEqualTo("past-answer");
        assertThat(repeated.get("pastAnswer").asString()).isEqualTo("comply");
        assertThat(repeated.get("reference").asString())
                .isEqualTo(pick.get("reference").asString());

        JsonNode found = json.readTree(mvc.perform(
                        get("/api/v1/tender-clauses").param("q", "audit logs").with(bearer(compliance)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(found.valueStream().map(f -> f.get("tenderTitle").asString()).toList())
                .as(found.toString())
                .contains("First tender", "Second tender");
    }

    @Test
    void thePdfAnnexSummarisesInEnglishChineseAndTheTendersLanguageWithTheDigest() throws Exception {
        JsonNode detail = importAndMatch(
                null,
                Map.of(
                        "title", "HSMT annex",
                        "buyer", "Hai Phong Auto Parts",
                        "text",
                                "1. Hệ thống phải lưu nhật ký kiểm toán mọi phiên truy cập từ xa.\n2. Máy phải được sơn màu RAL 7035."));
        String id = detail.at("/tender/id").asString();
        assertThat(detail.at("/tender/language").asString()).isEqualTo("vi");
        JsonNode clauses = read("/api/v1/tenders/" + id + "/clauses", compliance);
        answer(id, clauses.get(1).get("id").asString(), Map.of("answer", "not-applicable"));
        String digest =
                read("/api/v1/tenders/" + id, compliance).get("matrixSha256").asString();

        byte[] pdf = download("/api/v1/tenders/" + id + "/annex.pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        var reader = new com.lowagie.text.pdf.PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(page));
        }
        String all = text.toString().replaceAll("\\s+", " ");
        assertThat(all)
                .contains("Tender compliance matrix: HSMT annex")
                .contains("投标应答矩阵")
                .contains("Bảng đáp ứng yêu cầu hồ sơ mời thầu")
                .contains("Không áp dụng")
                .contains("sha256:" + digest);
    }

    @Test
    void aGapGoesOnAnAssessmentsActionPlanOnceAndOnlyTheOrganisationsOwn() throws Exception {
        String assessment = assessmentOf(tenant);
        String foreign = assessmentOf(TestTenant.create(context, "other-tenders"));
        JsonNode detail = importAndMatch(
                null,
                Map.of(
                        "title",
                        "HP-2026-19",
                        "text",
                        "4.2 The machines shall be painted RAL 7035.\n4.3 Backups shall be tested quarterly."));
        String id = detail.at("/tender/id").asString();
        JsonNode clauses = read("/api/v1/tenders/" + id + "/clauses", compliance);
        String gap = clauses.get(0).get("id").asString();
        String path = "/api/v1/tenders/" + id + "/clauses/" + gap + "/action";

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .with(bearer(compliance))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessmentId\":\"" + foreign + "\",\"dueDate\":\"2027-01-31\"}"))
                .andExpect(status().isNotFound());
        JsonNode planned =
                json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                                .with(bearer(compliance))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"assessmentId\":\"" + assessment + "\",\"dueDate\":\"2027-01-31\"}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(planned.get("actionAssessmentId").asString()).isEqualTo(assessment);
        JsonNode actions = read("/api/v1/assessments/" + assessment + "/actions", compliance);
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).get("id").asString())
                .isEqualTo(planned.get("actionId").asString());
        assertThat(actions.get(0).get("requirementId").isNull()).isTrue();
        assertThat(actions.get(0).get("source").asString()).isEqualTo("tender HP-2026-19, clause 4.2");
        assertThat(actions.get(0).get("title").asString()).contains("RAL 7035");
        assertThat(actions.get(0).get("dueDate").asString()).isEqualTo("2027-01-31");

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .with(bearer(compliance))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessmentId\":\"" + assessment + "\",\"dueDate\":\"2027-02-28\"}"))
                .andExpect(status().isConflict());
        String answered = clauses.get(1).get("id").asString();
        answer(id, answered, Map.of("answer", "not-applicable"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/tenders/" + id + "/clauses/" + answered + "/action")
                        .with(bearer(compliance))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessmentId\":\"" + assessment + "\",\"dueDate\":\"2027-01-31\"}"))
                .andExpect(status().isBadRequest());
        assertThat(read("/api/v1/assessments/" + assessment + "/actions", compliance))
                .hasSize(1);
    }

    private String assessmentOf(TestTenant owner) {
        return io.serviceproof.identity.Tenancy.callAs(
                io.serviceproof.identity.Actor.system(owner.organisation().id(), "test"), () -> {
                    String offering = context.getBean(io.serviceproof.services.Offerings.class)
                            .createOffering("CNC line", "", "", List.of("VN"))
                            .id();
                    return context.getBean(io.serviceproof.assessment.Assessments.class)
                            .create(offering, "VN")
                            .id();
                });
    }

    @Test
    void badInputIsRefusedWithWhereAndWhyAndChangesNothing() throws Exception {
        long before = tenders();
        mvc.perform(importing(
                                new MockMultipartFile(
                                        "file",
                                        "list.xlsx",
                                        "application/octet-stream",
                                        "not a zip".getBytes(StandardCharsets.UTF_8)),
                                Map.of("title", "Broken"))
                        .with(bearer(compliance)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].detail").value(org.hamcrest.Matchers.containsString("XLSX")));
        mvc.perform(importing(null, Map.of("title", "Empty", "text", "  \n ")).with(bearer(compliance)))
                .andExpect(status().isBadRequest());
        mvc.perform(importing(
                                new MockMultipartFile(
                                        "file",
                                        "a.csv",
                                        "text/csv",
                                        "No,Requirement\n1,Backups\n".getBytes(StandardCharsets.UTF_8)),
                                Map.of("title", "Both", "text", "a clause"))
                        .with(bearer(compliance)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(importing(null, Map.of("title", " ", "text", "a clause")).with(bearer(compliance)))
                .andExpect(status().isBadRequest());
        assertThat(tenders()).isEqualTo(before);

        JsonNode detail =
                importAndMatch(null, Map.of("title", "Valid", "text", "Backups shall be tested every quarter."));
        String id = detail.at("/tender/id").asString();
        String clause = read("/api/v1/tenders/" + id + "/clauses", compliance)
                .get(0)
                .get("id")
                .asString();
        String path = "/api/v1/tenders/" + id + "/clauses/" + clause + "/answer";
        mvc.perform(put(path)
                        .with(bearer(compliance))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"chosen\":[\"evidence:not-a-suggestion\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("chosen"));
        mvc.perform(put(path)
                        .with(bearer(compliance))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"maybe\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put(path)
                        .with(bearer(compliance))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"comply\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("remarks")));
        assertThat(read("/api/v1/tenders/" + id + "/clauses", compliance)
                        .get(0)
                        .get("answer")
                        .isNull())
                .isTrue();
        assertThat(read("/api/v1/tenders/" + id, compliance).get("answered").asInt())
                .isZero();

        // Engineers read tenders; answering is the compliance function's.
        read("/api/v1/tenders/" + id, tenant.token(Role.ENGINEER));
        mvc.perform(put(path)
                        .with(bearer(tenant.token(Role.ENGINEER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"not-applicable\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(importing(null, Map.of("title", "By an engineer", "text", "a clause"))
                        .with(bearer(tenant.token(Role.ENGINEER))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/tenders/not-a-tender").with(bearer(compliance)))
                .andExpect(status().isNotFound());
    }

    private long tenders() {
        return jdbc.sql("SELECT COUNT(*) FROM tenders WHERE organisation_id = :org")
                .param("org", tenant.organisation().id().toString())
                .query(Long.class)
                .single();
    }
}
