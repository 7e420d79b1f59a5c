package io.serviceproof.tender.web;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.PayloadTooLargeException;
import io.serviceproof.common.UnprocessableDocumentException;
import io.serviceproof.common.web.Phrases;
import io.serviceproof.services.Offerings;
import io.serviceproof.tender.Answer;
import io.serviceproof.tender.Tender;
import io.serviceproof.tender.TenderClause;
import io.serviceproof.tender.TenderExports;
import io.serviceproof.tender.Tenders;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Tenders pages: the list with the import form and the search of past clauses, and one tender's
 * matrix, a page of clauses at a time, each with its suggestions to pick and its answer to confirm.
 */
@Controller
class TenderPageController {

    static final int PAGE_SIZE = 25;

    private final Tenders tenders;
    private final TenderExports exports;
    private final io.serviceproof.tender.TenderAnnex annex;
    private final Offerings offerings;
    private final io.serviceproof.assessment.Assessments assessments;
    private final Phrases phrases;

    TenderPageController(
            Tenders tenders,
            TenderExports exports,
            io.serviceproof.tender.TenderAnnex annex,
            Offerings offerings,
            io.serviceproof.assessment.Assessments assessments,
            Phrases phrases) {
        this.tenders = tenders;
        this.exports = exports;
        this.annex = annex;
        this.offerings = offerings;
        this.assessments = assessments;
        this.phrases = phrases;
    }

    @GetMapping("/tenders")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("tenders", tenders.tenders());
        model.addAttribute("answered", tenders.answeredCounts());
        model.addAttribute("offerings", offerings.offerings());
        model.addAttribute("q", q);
        model.addAttribute("found", q == null ? List.of() : tenders.search(q));
        return "tenders/list";
    }

    @PostMapping("/tenders")
    String importList(
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String buyer,
            @RequestParam(required = false) String offeringId,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String text,
            Model model,
            RedirectAttributes redirect) {
        try {
            Tender tender = tenders.importList(TenderRequests.of(title, buyer, offeringId, file, text));
            redirect.addFlashAttribute("notice", "tenders.imported");
            return "redirect:/tenders/" + tender.id();
        } catch (InvalidInputException | ConflictException | PayloadTooLargeException e) {
            model.addAttribute("importProblem", phrases.problem(e, LocaleContextHolder.getLocale()));
        } catch (UnprocessableDocumentException e) {
            model.addAttribute("importProblem", e.getMessage());
            model.addAttribute("importProblems", e.problems());
        }
        model.addAttribute("form", new ImportForm(title, buyer, offeringId, text));
        return list(null, model);
    }

    /** What the import form shows again after a refusal (a browser never keeps the file). */
    record ImportForm(String title, String buyer, String offeringId, String text) {}

    /** The clauses a filter shows. */
    enum Show {
        ALL(c -> true),
        OPEN(c -> !c.answered()),
        ANSWERED(TenderClause::answered),
        GAPS(TenderClause::gap),
        FLAGGED(c -> c.answered() && !c.flags().isEmpty());

        final Predicate<TenderClause> filter;

        Show(Predicate<TenderClause> filter) {
            this.filter = filter;
        }

        String token() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Show of(String token) {
            for (Show show : values()) {
                if (show.token().equals(token)) {
                    return show;
                }
            }
            return ALL;
        }
    }

    /** The page, or (asked by htmx while matching runs) only its progress, polled every second. */
    @GetMapping("/tenders/{id}")
    String page(
            @PathVariable String id,
            @RequestParam(required = false) String show,
            @RequestParam(defaultValue = "1") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            jakarta.servlet.http.HttpServletResponse response,
            Model model) {
        Tender tender = tenders.tender(id);
        model.addAttribute("tender", tender);
        if (htmx != null) {
            if (tender.status().finished()) {
                // The clauses' suggestions are there now: htmx reloads the whole page to show them.
                response.setHeader("HX-Refresh", "true");
            }
            return "tenders/tender :: progress";
        }
        List<TenderClause> clauses = tenders.clauses(id);
        Show filter = Show.of(show);
        List<TenderClause> shown = clauses.stream().filter(filter.filter).toList();
        int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        model.addAttribute("show", filter.token());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("shownCount", shown.size());
        model.addAttribute(
                "clauses", shown.subList((current - 1) * PAGE_SIZE, Math.min(current * PAGE_SIZE, shown.size())));
        model.addAttribute(
                "answeredCount", clauses.stream().filter(TenderClause::answered).count());
        model.addAttribute(
                "gapCount", clauses.stream().filter(TenderClause::gap).count());
        model.addAttribute(
                "flaggedCount", clauses.stream().filter(Show.FLAGGED.filter).count());
        model.addAttribute("digest", exports.digest(id));
        model.addAttribute("answers", Answer.values());
        // The assessments whose action plans can take a gap: the tender's offering's first.
        List<io.serviceproof.assessment.Assessment> plans = assessments.assessments().stream()
                .sorted(java.util.Comparator.comparing((io.serviceproof.assessment.Assessment a) ->
                        !a.offeringId().equals(tender.offeringId())))
                .toList();
        model.addAttribute("plans", plans);
        model.addAttribute(
                "planTitles",
                plans.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                io.serviceproof.assessment.Assessment::id,
                                io.serviceproof.assessment.Assessment::title)));
        return "tenders/tender";
    }

    @PostMapping("/tenders/{id}/clauses/{clauseId}")
    String answer(
            @PathVariable String id,
            @PathVariable String clauseId,
            @RequestParam(required = false) List<String> chosen,
            @RequestParam(required = false) String answer,
            @RequestParam(required = false) String remarks,
            @RequestParam(required = false) String show,
            @RequestParam(defaultValue = "1") int page,
            RedirectAttributes redirect) {
        try {
            tenders.answer(
                    id,
                    clauseId,
                    new Tenders.AnswerRequest(chosen == null ? List.of() : chosen, Answer.parse(answer), remarks));
            redirect.addFlashAttribute("answeredClause", clauseId);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("clauseProblem", clauseId);
            redirect.addFlashAttribute("problemText", phrases.problem(e, LocaleContextHolder.getLocale()));
        }
        return back(id, show, page, clauseId);
    }

    @PostMapping("/tenders/{id}/clauses/{clauseId}/action")
    String planAction(
            @PathVariable String id,
            @PathVariable String clauseId,
            @RequestParam(required = false) String assessmentId,
            @RequestParam(required = false) String dueDate,
            @RequestParam(required = false) String show,
            @RequestParam(defaultValue = "1") int page,
            RedirectAttributes redirect) {
        try {
            java.time.LocalDate due;
            try {
                due = dueDate == null || dueDate.isBlank() ? null : java.time.LocalDate.parse(dueDate);
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException("dueDate", "a due date, YYYY-MM-DD");
            }
            tenders.planAction(id, clauseId, assessmentId, due, null);
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("clauseProblem", clauseId);
            redirect.addFlashAttribute("problemText", phrases.problem(e, LocaleContextHolder.getLocale()));
        }
        return back(id, show, page, clauseId);
    }

    @PostMapping("/tenders/{id}/clauses/{clauseId}/clear")
    String clear(
            @PathVariable String id,
            @PathVariable String clauseId,
            @RequestParam(required = false) String show,
            @RequestParam(defaultValue = "1") int page) {
        tenders.clearAnswer(id, clauseId);
        return back(id, show, page, clauseId);
    }

    private static String back(String id, String show, int page, String clauseId) {
        return "redirect:/tenders/" + id + "?show=" + Show.of(show).token() + "&page=" + page + "#clause-" + clauseId;
    }

    @PostMapping("/tenders/{id}/rematch")
    String rematch(@PathVariable String id, RedirectAttributes redirect) {
        tenders.rematch(id);
        redirect.addFlashAttribute("notice", "tenders.rematched");
        return "redirect:/tenders/" + id;
    }

    @GetMapping("/tenders/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id) {
        return TenderDownloads.attachment(exports.filled(id));
    }

    @GetMapping("/tenders/{id}/annex.pdf")
    ResponseEntity<byte[]> annex(@PathVariable String id) {
        return TenderDownloads.attachment(annex.pdf(id));
    }

    @GetMapping("/tenders/{id}/matrix.json")
    ResponseEntity<byte[]> matrix(@PathVariable String id) {
        return TenderDownloads.attachment(exports.matrixJson(id));
    }
}
