package io.serviceproof.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assessments as files: an XLSX gap register, an OSCAL assessment-results document, and an ISO/IEC
 * 27001 Statement of Applicability (Annex A controls with applicability, justification and status).
 */
@Component
public class AssessmentExports {

    static final String OSCAL_VERSION = "1.1.2";
    static final String NS = "https://serviceproof.io/ns/oscal";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The gap register: one row per applicable requirement, gaps first. */
    public byte[] gapRegister(AssessmentView view) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet summary = book.createSheet("summary");
            row(summary, 0, "Assessment", view.assessment().title());
            row(summary, 1, "Market", view.assessment().market());
            row(summary, 2, "Readiness (%)", String.valueOf(view.score()));
            row(
                    summary,
                    3,
                    "Status",
                    view.assessment().signedOff()
                            ? "signed off " + view.assessment().signedAt()
                            : "open (derived now)");
            row(
                    summary,
                    4,
                    "SHA-256 of the signed-off snapshot",
                    view.assessment().sha256() == null ? "" : view.assessment().sha256());
            int r = 6;
            for (var count : view.counts().entrySet()) {
                row(summary, r++, count.getKey().token(), String.valueOf(count.getValue()));
            }
            Sheet register = book.createSheet("gap register");
            row(
                    register,
                    0,
                    "framework",
                    "requirement",
                    "title",
                    "basis",
                    "evidence expected",
                    "result",
                    "derived",
                    "why");
            int i = 1;
            List<RequirementResult> ordered = new ArrayList<>(view.gaps());
            view.results().stream().filter(x -> !ordered.contains(x)).forEach(ordered::add);
            for (RequirementResult x : ordered) {
                row(
                        register,
                        i++,
                        x.framework(),
                        x.ref(),
                        x.title(),
                        x.basis(),
                        String.join(" ", x.evidenceTypes()),
                        x.result().token(),
                        x.derived().token(),
                        x.reasons().stream()
                                .map(reason -> reason.kind() + ": " + reason.text())
                                .collect(Collectors.joining("\n")));
            }
            for (int c = 0; c < 8; c++) {
                register.setColumnWidth(c, c == 2 || c == 7 ? 60 * 256 : 18 * 256);
            }
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Statement of Applicability for ISO/IEC 27001:2022 Annex A: every control, whether it
     * applies (controls the market does not call for are marked so, with that as justification),
     * and its implementation status from the assessment.
     */
    public byte[] statementOfApplicability(AssessmentView view, List<SoaControl> controls) {
        Map<String, RequirementResult> byId = view.results().stream()
                .collect(Collectors.toMap(RequirementResult::requirementId, x -> x, (a, b) -> a));
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet soa = book.createSheet("statement of applicability");
            row(soa, 0, "control", "title", "applicable", "justification", "implementation", "evidence and reasons");
            int i = 1;
            for (SoaControl control : controls) {
                RequirementResult x = byId.get(control.requirementId());
                boolean applicable = x != null && x.result() != Result.NOT_APPLICABLE;
                String justification = x == null
                        ? "Not required by the " + view.assessment().market() + " market profile of this assessment"
                        : x.result() == Result.NOT_APPLICABLE
                                ? x.reasons().get(0).text()
                                : "Required (" + x.basis() + ") for "
                                        + view.assessment().market();
                row(
                        soa,
                        i++,
                        control.ref(),
                        control.title(),
                        applicable ? "yes" : "no",
                        justification,
                        x == null ? "" : x.result().token(),
                        x == null ? "" : x.reasons().stream().map(Reason::text).collect(Collectors.joining("\n")));
            }
            soa.setColumnWidth(1, 50 * 256);
            soa.setColumnWidth(3, 50 * 256);
            soa.setColumnWidth(5, 60 * 256);
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Annex A control of the organisation's ISO/IEC 27001:2022 framework. */
    public record SoaControl(String requirementId, String ref, String title) {}

    /** OSCAL 1.1.2 assessment-results: one result, a finding per requirement with its reasons. */
    public String oscal(AssessmentView view, String lastModified) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("title", view.assessment().title());
        metadata.put("last-modified", lastModified);
        metadata.put(
                "version", view.assessment().signedOff() ? view.assessment().sha256() : "open");
        metadata.put("oscal-version", OSCAL_VERSION);
        metadata.put(
                "props",
                List.of(
                        prop("market", view.assessment().market()),
                        prop("readiness-score", String.valueOf(view.score()))));
        List<Map<String, Object>> findings = new ArrayList<>();
        for (RequirementResult x : view.results()) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("uuid", uuid(view.assessment().id() + x.requirementId()));
            finding.put("title", x.framework() + " " + x.ref());
            finding.put(
                    "description",
                    x.reasons().stream().map(r -> r.kind() + ": " + r.text()).collect(Collectors.joining("; ")));
            finding.put(
                    "props",
                    List.of(
                            prop("basis", x.basis()),
                            prop("derived", x.derived().token())));
            finding.put(
                    "target",
                    Map.of(
                            "type",
                            "objective-id",
                            "target-id",
                            "r-" + x.ref().replaceAll("[^\\p{L}\\p{N}.\\-_]", "_"),
                            "status",
                            Map.of(
                                    "state",
                                    x.result() == Result.COMPLIANT ? "satisfied" : "not-satisfied",
                                    "reason",
                                    x.result().token())));
            findings.add(finding);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("uuid", uuid(view.assessment().id() + "result"));
        result.put("title", "Readiness for " + view.assessment().market());
        result.put(
                "description",
                "Derived by ServiceProof from evidence, mappings, recognised certificates and layer documents.");
        result.put("start", lastModified);
        result.put("reviewed-controls", Map.of("control-selections", List.of(Map.of("include-all", Map.of()))));
        if (!findings.isEmpty()) {
            result.put("findings", findings);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("uuid", uuid(view.assessment().id()));
        document.put("metadata", metadata);
        document.put(
                "import-ap",
                Map.of("href", "#assessment-plan-" + view.assessment().id()));
        document.put("results", List.of(result));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("assessment-results", document));
    }

    private static Map<String, Object> prop(String name, String value) {
        return Map.of("name", name, "ns", NS, "value", value);
    }

    /** Stable UUIDs, so re-exporting the same assessment gives the same document. */
    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < cells.length; c++) {
            row.createCell(c).setCellValue(cells[c] == null ? "" : cells[c]);
        }
    }

    private static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }
}
