package io.serviceproof.sla.web;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.sla.SlaReport;
import io.serviceproof.sla.SlaReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** A layer's SLA measured over a period: as JSON and as a page. Periods are dates, [from, to), UTC. */
@Tag(name = "SLA", description = "Service levels measured from logged events")
@Controller
class SlaController {

    private final SlaReports reports;
    private final Clock clock;

    SlaController(SlaReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Operation(
            summary = "Measure the layer's published SLOs over [from, to) (dates, UTC; default: this month so far)",
            description = "Every figure lists the log entries it was computed from (their inclusion proofs are at"
                    + " /api/v1/ledger/proofs/inclusion).")
    @GetMapping("/api/v1/layers/{id}/sla")
    @ResponseBody
    SlaReport api(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return report(id, from, to);
    }

    @GetMapping("/layers/{id}/sla")
    String page(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        SlaReport report = report(id, from, to);
        model.addAttribute("report", report);
        model.addAttribute("fromDate", LocalDate.ofInstant(report.from(), ZoneOffset.UTC));
        model.addAttribute("toDate", LocalDate.ofInstant(report.to(), ZoneOffset.UTC));
        return "sla/report";
    }

    private SlaReport report(String id, String from, String to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = from == null || from.isBlank() ? today.withDayOfMonth(1) : date("from", from);
        LocalDate end = to == null || to.isBlank() ? today.plusDays(1) : date("to", to);
        return reports.report(
                id,
                start.atStartOfDay().toInstant(ZoneOffset.UTC),
                end.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a date as YYYY-MM-DD");
        }
    }
}
