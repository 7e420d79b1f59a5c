package io.serviceproof.assessment.web;

import io.serviceproof.assessment.Assessment;
import io.serviceproof.assessment.AssessmentView;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.assessment.Readiness;
import io.serviceproof.assessment.Result;
import io.serviceproof.catalog.Catalog;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.services.Offering;
import io.serviceproof.services.Offerings;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Assessments in the browser: start one, read the results and why, override, sign off, export. */
@Controller
class AssessmentPageController {

    private final Assessments assessments;
    private final Offerings offerings;
    private final Catalog catalog;
    private final AssessmentFiles files;
    private final io.serviceproof.assessment.ActionPlans plans;
    private final io.serviceproof.identity.users.UserAccounts users;
    private final java.time.Clock clock;

    private final io.serviceproof.assessment.RequirementTitles titles;

    AssessmentPageController(
            Assessments assessments,
            Offerings offerings,
            Catalog catalog,
            AssessmentFiles files,
            io.serviceproof.assessment.ActionPlans plans,
            io.serviceproof.identity.users.UserAccounts users,
            java.time.Clock clock,
            io.serviceproof.assessment.RequirementTitles titles) {
        this.titles = titles;
        this.assessments = assessments;
        this.offerings = offerings;
        this.catalog = catalog;
        this.files = files;
        this.plans = plans;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/assessments")
    String list(Model model) {
        model.addAttribute("views", assessments.views(assessments.assessments()));
        model.addAttribute(
                "offerings",
                offerings.offerings().stream().collect(Collectors.toMap(Offering::id, Function.identity())));
        model.addAttribute("offeringList", offerings.offerings());
        model.addAttribute("markets", catalog.markets());
        model.addAttribute("weights", Readiness.WEIGHTS);
        return "assessment/list";
    }

    @GetMapping("/assessments/comparison")
    String comparison(@RequestParam String offeringId, Model model) {
        model.addAttribute("offering", offerings.offering(offeringId));
        model.addAttribute("comparison", assessments.compare(offeringId));
        return "assessment/comparison";
    }

    @PostMapping("/assessments")
    String create(
            @RequestParam(required = false) String offeringId,
            @RequestParam(required = false) String market,
            RedirectAttributes redirect) {
        try {
            Assessment created = assessments.create(offeringId == null ? "" : offeringId, market);
            return "redirect:/assessments/" + created.id();
        } catch (InvalidInputException | NotFoundException e) {
            redirect.addFlashAttribute("problem", "assessment.error.create");
            return "redirect:/assessments";
        }
    }

    @GetMapping("/assessments/{id}")
    String detail(
            @PathVariable String id, @RequestParam(name = "show", defaultValue = "gaps") String show, Model model) {
        AssessmentView view = assessments.view(id);
        model.addAttribute("view", view);
        model.addAttribute("offering", offerings.offering(view.assessment().offeringId()));
        model.addAttribute("show", show);
        java.util.List<io.serviceproof.assessment.RequirementResult> rows = rowsFor(view, show);
        model.addAttribute("rows", rows);
        model.addAttribute("groups", byFramework(rows));
        // Chinese titles are looked up only for a reader in Chinese: one catalog read per framework.
        boolean chinese = org.springframework.context.i18n.LocaleContextHolder.getLocale()
                .getLanguage()
                .equals("zh");
        model.addAttribute("titlesZh", chinese ? titles.chinese(view) : java.util.Map.of());
        model.addAttribute("score", ScoreExplanation.of(view));
        model.addAttribute("counts", view.counts());
        model.addAttribute("gaps", view.gaps());
        model.addAttribute("results", Result.values());
        // Decided once, not per row: a security expression per result row cost most of the page's time.
        var role = io.serviceproof.identity.Tenancy.actor().role();
        model.addAttribute(
                "canDecide",
                role == io.serviceproof.identity.Role.OWNER
                        || role == io.serviceproof.identity.Role.COMPLIANCE_MANAGER);
        model.addAttribute("weights", Readiness.WEIGHTS);
        model.addAttribute("layers", offerings.layers(view.assessment().offeringId()));
        model.addAttribute("actions", plans.actions(id));
        model.addAttribute("overrideHistory", assessments.overrideHistory(id));
        java.util.List<Assessment> history = assessments.history(id);
        model.addAttribute("history", history);
        model.addAttribute("trend", io.serviceproof.assessment.TrendSvg.render(history));
        model.addAttribute("users", users.list());
        model.addAttribute(
                "userNames",
                users.list().stream().collect(Collectors.toMap(u -> u.id().toString(), u -> u.displayName())));
        model.addAttribute(
                "refs",
                view.results().stream()
                        .collect(Collectors.toMap(
                                r -> r.requirementId(), r -> r.framework() + " " + r.ref(), (x, y) -> x)));
        model.addAttribute("today", java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        return "assessment/detail";
    }

    /** The rows a filter shows: the gaps (default), every requirement, or those with one result. */
    private static java.util.List<io.serviceproof.assessment.RequirementResult> rowsFor(
            AssessmentView view, String show) {
        if (show.equals("all")) {
            return view.results();
        }
        for (Result result : Result.values()) {
            if (result.token().equals(show)) {
                return view.results().stream().filter(r -> r.result() == result).toList();
            }
        }
        return view.gaps();
    }

    /** Rows grouped by framework, in the order the frameworks first appear. */
    private static java.util.Map<String, java.util.List<io.serviceproof.assessment.RequirementResult>> byFramework(
            java.util.List<io.serviceproof.assessment.RequirementResult> rows) {
        return rows.stream()
                .collect(Collectors.groupingBy(
                        io.serviceproof.assessment.RequirementResult::framework,
                        java.util.LinkedHashMap::new,
                        Collectors.toList()));
    }

    @PostMapping("/assessments/{id}/overrides")
    String override(
            @PathVariable String id,
            @RequestParam(required = false) String requirementId,
            @RequestParam(required = false) String result,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        assessments.assessment(id);
        try {
            assessments.override(id, requirementId, Result.fromToken(result == null ? "" : result), reason);
            redirect.addFlashAttribute("notice", "assessment.overridden");
        } catch (InvalidInputException | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "assessment.error.override");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "assessment.error.signedOff");
        }
        return "redirect:/assessments/" + id;
    }

    @PostMapping("/assessments/{id}/actions")
    String addAction(
            @PathVariable String id,
            @RequestParam(required = false) String requirementId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String ownerId,
            @RequestParam(required = false) String dueDate,
            RedirectAttributes redirect) {
        assessments.assessment(id);
        try {
            plans.add(
                    id,
                    requirementId,
                    title,
                    ownerId,
                    AssessmentApiController.date("dueDate", dueDate == null ? "" : dueDate));
            redirect.addFlashAttribute("notice", "assessment.action.added");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "assessment.error.action");
        }
        return "redirect:/assessments/" + id + "#actions";
    }

    @PostMapping("/assessments/{id}/actions/{actionId}")
    String updateAction(
            @PathVariable String id,
            @PathVariable String actionId,
            @RequestParam String status,
            RedirectAttributes redirect) {
        assessments.assessment(id);
        try {
            plans.update(id, actionId, io.serviceproof.assessment.Action.Status.fromToken(status), null, null);
            redirect.addFlashAttribute("notice", "assessment.action.updated");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "assessment.error.action");
        }
        return "redirect:/assessments/" + id + "#actions";
    }

    @PostMapping("/assessments/{id}/sign-off")
    String signOff(@PathVariable String id, RedirectAttributes redirect) {
        assessments.assessment(id);
        try {
            assessments.signOff(id);
            redirect.addFlashAttribute("notice", "assessment.signedOff");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "assessment.error.signedOff");
        }
        return "redirect:/assessments/" + id;
    }

    @GetMapping("/assessments/{id}/export")
    ResponseEntity<byte[]> export(
            @PathVariable String id,
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(name = "lang", defaultValue = "en") String lang) {
        AssessmentFiles.File file = files.export(id, format, lang);
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(file.mediaType()))
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(file.name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(file.bytes());
    }
}
