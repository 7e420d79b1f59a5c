package io.serviceproof.sla;

import io.serviceproof.services.PublishedSlo;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures objectives from events over [from, to). Each quantity an SLO names is computed from the
 * event vocabulary as follows (docs/formats.md):
 *
 * <ul>
 *   <li>{@code availability}: 100 × (period − maintenance − outage) / (period − maintenance), outage
 *       being {@code incident.opened} with {@code outage: true} until its {@code incident.resolved}
 *       (or the period's end), and maintenance the announced windows;
 *   <li>{@code latency_ms}, {@code review_minutes}: values of {@code inspection.verdict.latencyMs}
 *       and {@code inspection.review.reviewMinutes}, aggregated by the SLO (p95, mean, …);
 *   <li>{@code false_accept_ppm}, {@code false_reject_pct}: from reviews, defective parts passed per
 *       million defective parts, and good parts failed per hundred good parts;
 *   <li>{@code acknowledge_minutes}, {@code restore_hours}: per incident, opened to acknowledged and
 *       opened to resolved; {@code response_minutes}: per ticket, opened to first response;
 *   <li>{@code telemetry_received}: 100 × Σ received / Σ expected of {@code data-sync.report};
 *   <li>{@code first_time_fix}: share of resolved incidents and tickets that say so;
 *   <li>{@code controlled_sessions}: share of remote sessions started with MFA, approval and recording.
 * </ul>
 *
 * Any other quantity is reported as not measurable from events, never guessed.
 */
public final class SlaMeasurement {

    static final int LISTED_ENTRIES = 50;

    private SlaMeasurement() {}

    public static List<SloResult> measure(List<PublishedSlo> slos, List<SlaEvent> events, Instant from, Instant to) {
        List<SloResult> results = new ArrayList<>();
        for (PublishedSlo slo : slos) {
            results.add(measure(slo, events, from, to));
        }
        return results;
    }

    private static SloResult measure(PublishedSlo slo, List<SlaEvent> events, Instant from, Instant to) {
        Set<Long> used = new LinkedHashSet<>();
        Figure figure = switch (slo.quantity()) {
            case "availability" -> availability(events, from, to, used);
            case "latency_ms" -> values(events, "inspection.verdict", "latencyMs", slo.aggregate(), used);
            case "review_minutes" -> values(events, "inspection.review", "reviewMinutes", slo.aggregate(), used);
            case "false_accept_ppm" ->
                share(
                        events,
                        "inspection.review",
                        e -> "defective".equals(e.text("truth")),
                        e -> "pass".equals(e.text("verdict")),
                        1_000_000,
                        used);
            case "false_reject_pct" ->
                share(
                        events,
                        "inspection.review",
                        e -> "good".equals(e.text("truth")),
                        e -> "fail".equals(e.text("verdict")),
                        100,
                        used);
            case "acknowledge_minutes" ->
                durations(events, "incident.opened", "incident.acknowledged", "incidentId", 60, slo.aggregate(), used);
            case "restore_hours" ->
                durations(events, "incident.opened", "incident.resolved", "incidentId", 3600, slo.aggregate(), used);
            case "response_minutes" ->
                durations(events, "ticket.opened", "ticket.responded", "ticketId", 60, slo.aggregate(), used);
            case "telemetry_received" -> completeness(events, used);
            case "first_time_fix" ->
                share(
                        events,
                        null,
                        e -> (e.type().equals("incident.resolved") || e.type().equals("ticket.resolved"))
                                && e.payload().containsKey("firstTimeFix"),
                        e -> e.flag("firstTimeFix"),
                        100,
                        used);
            case "controlled_sessions" ->
                share(
                        events,
                        "remote-session.started",
                        e -> true,
                        e -> e.flag("mfa") && e.flag("recorded") && e.text("approvedBy") != null,
                        100,
                        used);
            default -> null;
        };
        if (figure == null) {
            return new SloResult(
                    slo.id(),
                    slo.metric(),
                    slo.expression(),
                    slo.unit(),
                    null,
                    0,
                    SloResult.Status.NOT_MEASURABLE,
                    List.of(),
                    "'" + slo.quantity() + "' is not measured from the event vocabulary");
        }
        List<Long> listed = used.stream().limit(LISTED_ENTRIES).toList();
        if (figure.value() == null) {
            return new SloResult(
                    slo.id(),
                    slo.metric(),
                    slo.expression(),
                    slo.unit(),
                    null,
                    figure.samples(),
                    SloResult.Status.NO_DATA,
                    listed,
                    figure.how());
        }
        double value = Math.round(figure.value() * 1000) / 1000.0;
        return new SloResult(
                slo.id(),
                slo.metric(),
                slo.expression(),
                slo.unit(),
                value,
                figure.samples(),
                slo.met(value) ? SloResult.Status.MET : SloResult.Status.BREACHED,
                listed,
                figure.how());
    }

    private record Figure(Double value, long samples, String how) {}

    private static Figure availability(List<SlaEvent> events, Instant from, Instant to, Set<Long> used) {
        List<Instant[]> maintenance = new ArrayList<>();
        Map<String, Instant> openOutages = new HashMap<>();
        List<Instant[]> outages = new ArrayList<>();
        for (SlaEvent e : events) {
            switch (e.type()) {
                case "maintenance.announced" -> {
                    maintenance.add(new Instant[] {time(e.text("startsAt")), time(e.text("endsAt"))});
                    used.add(e.index());
                }
                case "incident.opened" -> {
                    if (e.flag("outage")) {
                        openOutages.put(e.text("incidentId"), e.occurredAt());
                        used.add(e.index());
                    }
                }
                case "incident.resolved" -> {
                    Instant started = openOutages.remove(e.text("incidentId"));
                    if (started != null) {
                        outages.add(new Instant[] {started, e.occurredAt()});
                        used.add(e.index());
                    }
                }
                default -> {}
            }
        }
        openOutages.values().forEach(started -> outages.add(new Instant[] {started, to}));
        List<Instant[]> maintenanceSpans = Intervals.clip(maintenance, from, to);
        List<Instant[]> outageSpans = Intervals.clip(outages, from, to);
        long excluded = Intervals.covered(maintenanceSpans);
        long period = Duration.between(from, to).toMillis() - excluded;
        long down = Intervals.covered(outageSpans) - Intervals.overlap(outageSpans, maintenanceSpans);
        if (period <= 0) {
            return new Figure(null, outages.size(), "the whole period was announced maintenance");
        }
        return new Figure(
                100.0 * (period - down) / period,
                outages.size(),
                outages.size() + " outage(s), " + Duration.ofMillis(down).toMinutes() + " min down outside "
                        + Duration.ofMillis(excluded).toMinutes() + " min of announced maintenance");
    }

    private static Figure values(List<SlaEvent> events, String type, String field, String aggregate, Set<Long> used) {
        List<Double> values = new ArrayList<>();
        for (SlaEvent e : events) {
            Double v = e.type().equals(type) ? e.number(field) : null;
            if (v != null) {
                values.add(v);
                used.add(e.index());
            }
        }
        return aggregate(values, aggregate, type + "." + field);
    }

    private static Figure durations(
            List<SlaEvent> events,
            String startType,
            String endType,
            String key,
            int unitSeconds,
            String aggregate,
            Set<Long> used) {
        Map<String, SlaEvent> started = new HashMap<>();
        List<Double> values = new ArrayList<>();
        for (SlaEvent e : events) {
            if (e.type().equals(startType)) {
                started.put(e.text(key), e);
            } else if (e.type().equals(endType) && started.containsKey(e.text(key))) {
                SlaEvent start = started.remove(e.text(key));
                values.add(Duration.between(start.occurredAt(), e.occurredAt()).toMillis() / 1000.0 / unitSeconds);
                used.add(start.index());
                used.add(e.index());
            }
        }
        return aggregate(values, aggregate, startType + " to " + endType);
    }

    private static Figure share(
            List<SlaEvent> events,
            String type,
            java.util.function.Predicate<SlaEvent> counted,
            java.util.function.Predicate<SlaEvent> hit,
            int scale,
            Set<Long> used) {
        long total = 0;
        long hits = 0;
        for (SlaEvent e : events) {
            if ((type == null || e.type().equals(type)) && counted.test(e)) {
                total++;
                used.add(e.index());
                if (hit.test(e)) {
                    hits++;
                }
            }
        }
        return new Figure(total == 0 ? null : (double) scale * hits / total, total, hits + " of " + total);
    }

    private static Figure completeness(List<SlaEvent> events, Set<Long> used) {
        double expected = 0;
        double received = 0;
        long reports = 0;
        for (SlaEvent e : events) {
            if (e.type().equals("data-sync.report") && e.number("expected") != null && e.number("received") != null) {
                expected += e.number("expected");
                received += e.number("received");
                reports++;
                used.add(e.index());
            }
        }
        return new Figure(
                expected == 0 ? null : 100 * received / expected,
                reports,
                (long) received + " of " + (long) expected + " records in " + reports + " reports");
    }

    /** Percentiles by nearest rank; a quantity without an aggregate is averaged. */
    static Figure aggregate(List<Double> values, String aggregate, String source) {
        if (values.isEmpty()) {
            return new Figure(null, 0, "no " + source + " values in the period");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        String how = aggregate == null ? "mean" : aggregate;
        double value = switch (how) {
            case "p50", "p90", "p95", "p99" -> {
                int p = Integer.parseInt(how.substring(1));
                int rank = (int) Math.ceil(p / 100.0 * sorted.size());
                yield sorted.get(Math.max(0, rank - 1));
            }
            case "max" -> sorted.get(sorted.size() - 1);
            case "min" -> sorted.get(0);
            case "count" -> sorted.size();
            default ->
                sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        };
        return new Figure(value, sorted.size(), how + " of " + sorted.size() + " " + source + " values");
    }

    private static Instant time(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
