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

    AssessmentFiles(Assessments assessments, AssessmentExports exports, Catalog catalog, Clock clock) {
        this.assessments = assessments;
        this.exports = exports;
        this.catalog = catalog;
        this.clock = clock;
    }

    File export(String id, String format) {
        AssessmentView view = assessments.view(id);
        String base = "assessment-" + view.assessment().market().toLowerCase() + "-" + id.substring(0, 8);
        return switch (format) {
            case "xlsx" -> new File(base + "-gaps.xlsx", XLSX, exports.gapRegister(view));
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
            case "soa" -> new File(base + "-soa.xlsx", XLSX, exports.statementOfApplicability(view, annexA()));
            case "snapshot" ->
                new File(
                        base + "-signed.json",
                        "application/json",
                        assessments.snapshot(id).getBytes(StandardCharsets.UTF_8));
            default -> throw new InvalidInputException("format", "xlsx, oscal, soa or snapshot");
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
                .map(r -> new AssessmentExports.SoaControl(r.id(), r.refId(), r.titleEn()))
                .toList();
    }
}
