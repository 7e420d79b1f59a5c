package io.serviceproof.assessment.web;

import io.serviceproof.assessment.AssessmentExports;
import io.serviceproof.assessment.AssessmentView;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Framework;
import io.serviceproof.common.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns an assessment into the file a format asks for, named after it. */
@Component
class AssessmentFiles {

    record File(String name, String mediaType, byte[] bytes) {}

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Assessments assessments;
    private final AssessmentExports exports;
    private final Catalog catalog;
    private final Clock clock;
    private final io.serviceproof.assessment.AssessmentPdf pdf;
    private final io.serviceproof.assessment.ActionPlans plans;
    private final io.serviceproof.services.Offerings offerings;

    AssessmentFiles(
            Assessments assessments,
            AssessmentExports exports,
            Catalog catalog,
            Clock clock,
            io.serviceproof.assessment.AssessmentPdf pdf,
            io.serviceproof.assessment.ActionPlans plans,
            io.serviceproof.services.Offerings offerings) {
        this.assessments = assessments;
        this.exports = exports;
        this.catalog = catalog;
        this.clock = clock;
        this.pdf = pdf;
        this.plans = plans;
        this.offerings = offerings;
    }

    File export(String id, String format) {
        return export(id, format, "en");
    }

    /** {@code lang} (en or zh) chooses the language of PDF reports. */
    File export(String id, String format, String lang) {
        AssessmentView view = assessments.view(id);
        boolean chinese = lang != null && lang.toLowerCase().startsWith("zh");
        String generated = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        String base = "assessment-" + view.assessment().market().toLowerCase() + "-" + id.substring(0, 8);
        return switch (format) {
            case "xlsx" ->
                new File(
                        base + "-gaps.xlsx",
                        XLSX,
                        exports.gapRegister(
                                view, chinese ? java.util.Locale.SIMPLIFIED_CHINESE : java.util.Locale.ENGLISH));
            case "oscal" ->
                new File(
                        base + "-oscal-ar.json",
                        "application/json",
                        exports.oscal(
                                        view,
                                        clock.instant()
                                                .truncatedTo(ChronoUnit.SECONDS)
                                                .toString())
                                .getBytes(StandardCharsets.UTF_8));
            case "soa" ->
                new File(
                        base + "-soa.xlsx",
                        XLSX,
                        exports.statementOfApplicability(
                                view,
                                annexA(),
                                chinese ? java.util.Locale.SIMPLIFIED_CHINESE : java.util.Locale.ENGLISH));
            case "pdf" ->
                new File(
                        base + "-report-" + (chinese ? "zh" : "en") + ".pdf",
                        "application/pdf",
                        pdf.report(
                                view,
                                offerings
                                        .offering(view.assessment().offeringId())
                                        .name(),
                                offerings.layers(view.assessment().offeringId()).stream()
                                        .map(l -> new io.serviceproof.assessment.AssessmentPdf.LayerLine(
                                                l.name(), view.layerScore(l.id()), view.layerRequirements(l.id())))
                                        .toList(),
                                plans.actions(id),
                                generated,
                                chinese));
            case "soa-pdf" ->
                new File(
                        base + "-soa-" + (chinese ? "zh" : "en") + ".pdf",
                        "application/pdf",
                        pdf.statementOfApplicability(view, annexA(), generated, chinese));
            case "snapshot" ->
                new File(
                        base + "-signed.json",
                        "application/json",
                        assessments.snapshot(id).getBytes(StandardCharsets.UTF_8));
            default -> throw new InvalidInputException("format", "xlsx, pdf, oscal, soa, soa-pdf or snapshot");
        };
    }

    private List<AssessmentExports.SoaControl> annexA() {
        Framework iso27001 = catalog.frameworks().stream()
                .filter(f -> f.reference().equals("iso-iec-27001@2022"))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "format", "the catalog has no ISO/IEC 27001:2022 to state applicability for"));
        return catalog.requirements(iso27001.id()).stream()
                .filter(r -> r.refId().matches("A\\.\\d+\\.\\d+"))
                .map(r -> new AssessmentExports.SoaControl(r.id(), r.refId(), r.titleEn(), r.titleZh()))
                .toList();
    }
}
