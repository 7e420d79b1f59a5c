package io.serviceproof.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
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

    private final MessageSource messages;

    private final RequirementTitles titles;

    private final ReasonWording wording;

    AssessmentExports(MessageSource messages, RequirementTitles titles, ReasonWording wording) {
        this.messages = messages;
        this.titles = titles;
        this.wording = wording;
    }

    /** The gap register in English. */
    public byte[] gapRegister(AssessmentView view) {
        return gapRegister(view, Locale.ENGLISH);
    }

    /**
     * The gap register: one row per applicable requirement, gaps first, in the locale's language
     * (labels, titles, results and reasons; identifiers and digests as they are).
     */
    public byte[] gapRegister(AssessmentView view, Locale locale) {
        Map<String, String> titlesZh = locale.getLanguage().equals("zh") ? titles.chinese(view) : Map.of();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet summary = book.createSheet(text("assessment.xlsx.summary", locale));
            row(
                    summary,
                    0,
                    text("assessment.xlsx.assessment", locale),
                    view.assessment().title());
            row(
                    summary,
                    1,
                    text("assessment.xlsx.market", locale),
                    view.assessment().market());
            row(summary, 2, text("assessment.xlsx.readiness", locale), String.valueOf(view.score()));
            row(
                    summary,
                    3,
                    text("assessment.xlsx.status", locale),
                    view.assessment().signedOff()
                            ? text(
                                    "assessment.xlsx.signedOff",
                                    locale,
                                    view.assessment().signedAt())
                            : text("assessment.xlsx.open", locale));
            row(
                    summary,
                    4,
                    text("assessment.xlsx.sha256", locale),
                    view.assessment().sha256() == null ? "" : view.assessment().sha256());
            int r = 6;
            for (var count : view.counts().entrySet()) {
                row(summary, r++, result(count.getKey(), locale), String.valueOf(count.getValue()));
            }
            Sheet register = book.createSheet(text("assessment.xlsx.register", locale));
            row(
                    register,
                    0,
                    text("assessment.xlsx.framework", locale),
                    text("assessment.xlsx.requirement", locale),
                    text("assessment.xlsx.title", locale),
                    text("assessment.xlsx.basis", locale),
                    text("assessment.xlsx.evidenceExpected", locale),
                    text("assessment.xlsx.result", locale),
                    text("assessment.xlsx.derived", locale),
                    text("assessment.xlsx.why", locale));
            int i = 1;
            List<RequirementResult> ordered = new ArrayList<>(view.gaps());
            view.results().stream().filter(x -> !ordered.contains(x)).forEach(ordered::add);
            for (RequirementResult x : ordered) {
                row(
                        register,
                        i++,
                        x.framework(),
                        x.ref(),
                        titlesZh.getOrDefault(x.requirementId(), x.title()),
                        basis(x.basis(), locale),
                        String.join(" ", x.evidenceTypes()),
                        result(x.result(), locale),
                        result(x.derived(), locale),
                        x.reasons().stream()
                                .map(reason -> reasonLine(reason, locale))
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

    /** The Statement of Applicability in English. */
    public byte[] statementOfApplicability(AssessmentView view, List<SoaControl> controls) {
        return statementOfApplicability(view, controls, Locale.ENGLISH);
    }

    /**
     * The Statement of Applicability for ISO/IEC 27001:2022 Annex A: every control, whether it
     * applies (controls the market does not call for are marked so, with that as justification),
     * and its implementation status from the assessment, in the locale's language.
     */
    public byte[] statementOfApplicability(AssessmentView view, List<SoaControl> controls, Locale locale) {
        Map<String, RequirementResult> byId = view.results().stream()
                .collect(Collectors.toMap(RequirementResult::requirementId, x -> x, (a, b) -> a));
        boolean chinese = locale.getLanguage().equals("zh");
        String market = view.assessment().market();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet soa = book.createSheet(text("assessment.xlsx.soa", locale));
            row(
                    soa,
                    0,
                    text("assessment.xlsx.control", locale),
                    text("assessment.xlsx.title", locale),
                    text("assessment.xlsx.applicable", locale),
                    text("assessment.xlsx.justification", locale),
                    text("assessment.xlsx.implementation", locale),
                    text("assessment.xlsx.reasons", locale));
            int i = 1;
            for (SoaControl control : controls) {
                RequirementResult x = byId.get(control.requirementId());
                boolean applicable = x != null && x.result() != Result.NOT_APPLICABLE;
                String justification = x == null
                        ? text("assessment.xlsx.notRequired", locale, market)
                        : x.result() == Result.NOT_APPLICABLE
                                ? wording.say(x.reasons().get(0), locale)
                                : text("assessment.xlsx.required", locale, basis(x.basis(), locale), market);
                row(
                        soa,
                        i++,
                        control.ref(),
                        chinese && !control.titleZh().isBlank() ? control.titleZh() : control.title(),
                        text(applicable ? "assessment.xlsx.yes" : "assessment.xlsx.no", locale),
                        justification,
                        x == null ? "" : result(x.result(), locale),
                        x == null
                                ? ""
                                : x.reasons().stream()
                                        .map(reason -> wording.say(reason, locale))
                                        .collect(Collectors.joining("\n")));
            }
            soa.setColumnWidth(1, 50 * 256);
            soa.setColumnWidth(3, 50 * 256);
            soa.setColumnWidth(5, 60 * 256);
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String reasonLine(Reason reason, Locale locale) {
        // English keeps the reason's token, as machine readers of the register expect since v1.
        String kind = locale.getLanguage().equals("en")
                ? reason.kind()
                : text("assessment.reasonKind." + reason.kind(), locale);
        return kind + ": " + wording.say(reason, locale);
    }

    private String result(Result result, Locale locale) {
        return locale.getLanguage().equals("en") ? result.token() : text("assessment.result." + result.token(), locale);
    }

    private String basis(String basis, Locale locale) {
        return locale.getLanguage().equals("en") ? basis : text("catalog.basis." + basis, locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** An Annex A control of the organisation's ISO/IEC 27001:2022 framework. */
    public record SoaControl(String requirementId, String ref, String title, String titleZh) {

        public SoaControl(String requirementId, String ref, String title) {
            this(requirementId, ref, title, "");
        }
    }

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
