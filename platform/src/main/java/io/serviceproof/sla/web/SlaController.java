package io.serviceproof.sla.web;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.sla.SlaCharts;
import io.serviceproof.sla.SlaPeriod;
import io.serviceproof.sla.SlaReport;
import io.serviceproof.sla.SlaReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A layer's SLA measured over a period, as JSON, a page and a PDF. A period is a month
 * ({@code period=2026-10}), an ISO week ({@code period=2026-W43}) or dates ({@code from}, {@code to}
 * exclusive), in UTC; the default is this month.
 */
@Tag(name = "SLA", description = "Service levels measured from logged events")
@Controller
class SlaController {

    private final SlaReports reports;
    private final SlaReportPdf pdf;
    private final Clock clock;

    SlaController(SlaReports reports, SlaReportPdf pdf, Clock clock) {
        this.reports = reports;
        this.pdf = pdf;
        this.clock = clock;
    }

    @Operation(
            summary = "Measure the layer's published SLOs over a month, an ISO week or custom dates (UTC)",
            description = "period=YYYY-MM or YYYY-Www, or from=YYYY-MM-DD&to=YYYY-MM-DD (exclusive); default the"
                    + " last closed month. source=log re-reads the log instead of the tracker's daily roll-ups (same figures). Every figure lists the log entries it was computed from (their inclusion proofs are at"
                    + " /api/v1/ledger/proofs/inclusion); breaches are those the tracker raised in the period.")
    @GetMapping("/api/v1/layers/{id}/sla")
    @ResponseBody
    SlaReport api(
            @PathVariable String id,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String source) {
        return reports.report(id, period(period, from, to), source(source));
    }

    @GetMapping("/layers/{id}/sla")
    String page(
            @PathVariable String id,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String source,
            Model model) {
        SlaReport report = reports.report(id, period(period, from, to), source(source));
        model.addAttribute("report", report);
        model.addAttribute("charts", SlaCharts.charts(report));
        model.addAttribute(
                "missed",
                report.results().stream()
                        .filter(r -> r.status().name().equals("BREACHED"))
                        .count());
        return "sla/report";
    }

    @GetMapping("/layers/{id}/sla.pdf")
    @ResponseBody
    org.springframework.http.ResponseEntity<byte[]> pdf(
            @PathVariable String id,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            java.util.Locale locale) {
        SlaReport report = reports.report(id, period(period, from, to));
        return org.springframework.http.ResponseEntity.ok()
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"sla-" + report.layerCode() + "-"
                                + report.period().label().replace('/', '_') + ".pdf\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .body(pdf.render(report, locale));
    }

    private SlaPeriod period(String period, String from, String to) {
        if (period != null && !period.isBlank()) {
            return SlaPeriod.parse(period);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            // The last closed month: the current one is partial, and its figures still move.
            return SlaPeriod.month(YearMonth.from(today).minusMonths(1));
        }
        LocalDate start = from == null || from.isBlank() ? today.withDayOfMonth(1) : date("from", from);
        LocalDate end = to == null || to.isBlank() ? today.plusDays(1) : date("to", to);
        return SlaPeriod.custom(start, end);
    }

    /** {@code log} re-reads the log for every objective (to check the tracker's roll-ups); default: auto. */
    private static SlaReports.Source source(String source) {
        if (source == null || source.isBlank() || source.equalsIgnoreCase("auto")) {
            return SlaReports.Source.AUTO;
        }
        if (source.equalsIgnoreCase("log")) {
            return SlaReports.Source.LOG;
        }
        throw new InvalidInputException("source", "auto or log");
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a date as YYYY-MM-DD");
        }
    }
}
