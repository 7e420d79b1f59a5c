package io.serviceproof.assessment.web;

import io.serviceproof.assessment.Assessment;
import io.serviceproof.assessment.AssessmentView;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.assessment.RequirementResult;
import io.serviceproof.assessment.Result;
import io.serviceproof.common.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Assessments", description = "Gap analysis of an offering against a market profile")
@RestController
@RequestMapping("/api/v1/assessments")
class AssessmentApiController {

    private final Assessments assessments;
    private final AssessmentFiles files;
    private final io.serviceproof.assessment.ActionPlans plans;

    AssessmentApiController(
            Assessments assessments, AssessmentFiles files, io.serviceproof.assessment.ActionPlans plans) {
        this.assessments = assessments;
        this.files = files;
        this.plans = plans;
    }

    @Operation(summary = "The assessment's action plan, by due date")
    @GetMapping("/{id}/actions")
    List<io.serviceproof.assessment.Action> actions(@PathVariable String id) {
        return plans.actions(id);
    }

    record NewAction(
            @NotBlank String requirementId,
            @NotBlank @Size(max = 500) String title,
            String ownerId,
            @NotBlank String dueDate) {}

    @Operation(summary = "Add an action that closes a gap: what, who, by when")
    @PostMapping("/{id}/actions")
    ResponseEntity<io.serviceproof.assessment.Action> addAction(
            @PathVariable String id, @Valid @RequestBody NewAction request) {
        io.serviceproof.assessment.Action action = plans.add(
                id, request.requirementId(), request.title(), request.ownerId(), date("dueDate", request.dueDate()));
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + id + "/actions"))
                .body(action);
    }

    record ActionChange(String status, String dueDate, String ownerId) {}

    @Operation(summary = "Change an action's status (open, in-progress, done), due date or owner")
    @org.springframework.web.bind.annotation.PatchMapping("/{id}/actions/{actionId}")
    io.serviceproof.assessment.Action updateAction(
            @PathVariable String id, @PathVariable String actionId, @RequestBody ActionChange change) {
        io.serviceproof.assessment.Action.Status status;
        try {
            status = change.status() == null
                    ? null
                    : io.serviceproof.assessment.Action.Status.fromToken(change.status());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", e.getMessage());
        }
        return plans.update(
                id,
                actionId,
                status,
                change.dueDate() == null ? null : date("dueDate", change.dueDate()),
                change.ownerId());
    }

    static java.time.LocalDate date(String field, String value) {
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (RuntimeException e) {
            throw new InvalidInputException(field, "a date as YYYY-MM-DD");
        }
    }

    record Summary(
            String id,
            String title,
            String offeringId,
            String market,
            String status,
            double score,
            Instant createdAt,
            Instant signedAt,
            String sha256) {
        static Summary of(AssessmentView view) {
            Assessment a = view.assessment();
            return new Summary(
                    a.id(),
                    a.title(),
                    a.offeringId(),
                    a.market(),
                    a.signedOff() ? "signed-off" : "open",
                    view.score(),
                    a.createdAt(),
                    a.signedAt(),
                    a.sha256());
        }
    }

    @Operation(summary = "List assessments with their readiness score (live while open, frozen once signed off)")
    @GetMapping
    List<Summary> list() {
        return assessments.views(assessments.assessments()).stream()
                .map(Summary::of)
                .toList();
    }

    @Operation(summary = "An offering's readiness in each of its markets, and the gaps shared by several markets")
    @GetMapping("/comparison")
    io.serviceproof.assessment.MarketComparison comparison(@RequestParam String offeringId) {
        return assessments.compare(offeringId);
    }

    record NewAssessment(
            @NotBlank String offeringId, @NotBlank String market) {}

    @Operation(summary = "Start an assessment of an offering against a market profile")
    @PostMapping
    ResponseEntity<Summary> create(@Valid @RequestBody NewAssessment request) {
        Assessment created = assessments.create(request.offeringId(), request.market());
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + created.id()))
                .body(Summary.of(assessments.view(created.id())));
    }

    record Detail(Summary assessment, Map<Result, Long> counts, List<RequirementResult> results) {}

    @Operation(summary = "One assessment: every applicable requirement's result and why")
    @GetMapping("/{id}")
    Detail get(@PathVariable String id) {
        AssessmentView view = assessments.view(id);
        return new Detail(Summary.of(view), view.counts(), view.results());
    }

    record NewOverride(
            @NotBlank String requirementId,
            @NotBlank String result,
            @NotBlank @Size(max = 2000) String reason) {}

    @Operation(summary = "Override a derived result, with the reason (kept as history)")
    @PostMapping("/{id}/overrides")
    Detail override(@PathVariable String id, @Valid @RequestBody NewOverride request) {
        Result result;
        try {
            result = Result.fromToken(request.result());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("result", e.getMessage());
        }
        AssessmentView view = assessments.override(id, request.requirementId(), result, request.reason());
        return new Detail(Summary.of(view), view.counts(), view.results());
    }

    @Operation(summary = "Every override made in the assessment, newest first (the latest per requirement counts)")
    @GetMapping("/{id}/overrides")
    List<io.serviceproof.assessment.OverrideRecord> overrides(@PathVariable String id) {
        return assessments.overrideHistory(id);
    }

    @Operation(summary = "Sign off: freeze the results as canonical JSON, hash it and log the digest")
    @PostMapping("/{id}/sign-off")
    Detail signOff(@PathVariable String id) {
        AssessmentView view = assessments.signOff(id);
        return new Detail(Summary.of(view), view.counts(), view.results());
    }

    @Operation(
            summary =
                    "Export: xlsx (gap register), oscal (assessment results), soa (ISO/IEC 27001 Statement of Applicability),"
                            + " snapshot (the signed-off canonical JSON); lang (en or zh) chooses the language of the PDF and XLSX files")
    @GetMapping("/{id}/export")
    ResponseEntity<byte[]> export(
            @PathVariable String id,
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(name = "lang", defaultValue = "en") String lang) {
        AssessmentFiles.File file = files.export(id, format, lang);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(file.bytes());
    }
}
