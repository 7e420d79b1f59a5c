package io.serviceproof.sla;

import io.serviceproof.services.PublishedSlo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures a layer's objectives from its events, streamed in log order. Each quantity an SLO names
 * is computed from the event vocabulary as follows (docs/formats.md):
 *
 * <ul>
 *   <li>{@code availability}: see {@link AvailabilityTally};
 *   <li>{@code latency_ms}, {@code review_minutes}: values of {@code inspection.verdict.latencyMs}
 *       and {@code inspection.review.reviewMinutes}, aggregated by the SLO (p95, mean, …);
 *   <li>{@code api_latency_ms}: values of {@code api.request.latencyMs} (a SaaS layer's API);
 *   <li>{@code sync_delay_minutes}: values of {@code data-sync.report.delayMinutes};
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

    private final List<PublishedSlo> slos;
    private final List<Tally> tallies = new ArrayList<>();

    private final Instant to;

    /** Tallies of {@code slos} over [from, to); {@code daily} ones also keep a figure per day. */
    SlaMeasurement(List<PublishedSlo> slos, Instant from, Instant to, boolean daily) {
        this.slos = List.copyOf(slos);
        this.to = to;
        for (PublishedSlo slo : slos) {
            tallies.add(tallyFor(slo, from, to, daily));
        }
    }

    /** All of {@code events} measured over [from, to). */
    public static List<SloResult> measure(List<PublishedSlo> slos, List<SlaEvent> events, Instant from, Instant to) {
        SlaMeasurement measurement = new SlaMeasurement(slos, from, to, false);
        events.forEach(measurement::accept);
        return measurement.results(to);
    }

    void accept(SlaEvent event) {
        for (Tally tally : tallies) {
            if (tally != null) {
                tally.accept(event);
            }
        }
    }

    /** Each SLO's figure, measured up to {@code until} (the period's end, or now while it runs). */
    List<SloResult> results(Instant until) {
        List<SloResult> results = new ArrayList<>();
        for (int i = 0; i < slos.size(); i++) {
            Tally tally = tallies.get(i);
            results.add(result(slos.get(i), tally, tally == null ? null : tally.figure(until)));
        }
        return results;
    }

    /** Per SLO, its daily figures up to {@code until} (empty for unmeasurable ones). */
    List<List<Double>> daily(Instant until) {
        Instant end = until.isBefore(to) ? until : to;
        return tallies.stream()
                .map(t -> t == null ? List.<Double>of() : t.daily(end))
                .toList();
    }

    static SloResult result(PublishedSlo slo, Tally tally, Figure figure) {
        if (tally == null) {
            return new SloResult(
                    slo.id(),
                    slo.metric(),
                    slo.expression(),
                    slo.unit(),
                    null,
                    0,
                    SloResult.Status.NOT_MEASURABLE,
                    List.of(),
                    How.of("not-measurable", slo.quantity()),
                    null,
                    null);
        }
        if (figure.value() == null) {
            return new SloResult(
                    slo.id(),
                    slo.metric(),
                    slo.expression(),
                    slo.unit(),
                    null,
                    figure.samples(),
                    SloResult.Status.NO_DATA,
                    tally.entries(),
                    figure.how(),
                    null,
                    null);
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
                tally.entries(),
                figure.how(),
                figure.low(),
                figure.high());
    }

    /** The tally that measures {@code slo}'s quantity over [from, to), or null when events cannot measure it. */
    static Tally tallyFor(PublishedSlo slo, Instant from, Instant to, boolean daily) {
        Exclusions exclusions = Exclusions.of(slo.exclusions());
        return switch (slo.quantity()) {
            case "availability" -> new AvailabilityTally(from, to, daily, exclusions);
            case "latency_ms" ->
                ValueTally.ofField(from, to, daily, slo.aggregate(), "inspection.verdict", "latencyMs");
            case "api_latency_ms" -> ValueTally.ofField(from, to, daily, slo.aggregate(), "api.request", "latencyMs");
            case "sync_delay_minutes" ->
                ValueTally.ofField(from, to, daily, slo.aggregate(), "data-sync.report", "delayMinutes");
            case "review_minutes" ->
                ValueTally.ofField(from, to, daily, slo.aggregate(), "inspection.review", "reviewMinutes");
            case "false_accept_ppm" ->
                RatioTally.share(
                        from,
                        to,
                        daily,
                        e -> e.type().equals("inspection.review") && "defective".equals(e.text("truth")),
                        e -> "pass".equals(e.text("verdict")),
                        1_000_000);
            case "false_reject_pct" ->
                RatioTally.share(
                        from,
                        to,
                        daily,
                        e -> e.type().equals("inspection.review") && "good".equals(e.text("truth")),
                        e -> "fail".equals(e.text("verdict")),
                        100);
            case "acknowledge_minutes" ->
                ValueTally.ofDurations(
                        from,
                        to,
                        daily,
                        slo.aggregate(),
                        "incident.opened",
                        "incident.acknowledged",
                        "incidentId",
                        60,
                        exclusions);
            case "restore_hours" ->
                ValueTally.ofDurations(
                        from,
                        to,
                        daily,
                        slo.aggregate(),
                        "incident.opened",
                        "incident.resolved",
                        "incidentId",
                        3600,
                        exclusions);
            case "response_minutes" ->
                ValueTally.ofDurations(
                        from,
                        to,
                        daily,
                        slo.aggregate(),
                        "ticket.opened",
                        "ticket.responded",
                        "ticketId",
                        60,
                        exclusions);
            // A machine's alarm conditions as the gateway logs their transitions (OPC UA Part 9).
            case "alarm_acknowledge_minutes" ->
                ValueTally.ofDurations(
                        from,
                        to,
                        daily,
                        slo.aggregate(),
                        "alarm.raised",
                        "alarm.acknowledged",
                        "conditionId",
                        60,
                        exclusions);
            case "alarm_clear_minutes" ->
                ValueTally.ofDurations(
                        from,
                        to,
                        daily,
                        slo.aggregate(),
                        "alarm.raised",
                        "alarm.cleared",
                        "conditionId",
                        60,
                        exclusions);
            case "telemetry_received" ->
                RatioTally.sums(
                        from,
                        to,
                        daily,
                        e -> e.type().equals("data-sync.report")
                                && e.number("expected") != null
                                && e.number("received") != null,
                        e -> e.number("received"),
                        e -> e.number("expected"),
                        100,
                        "records");
            case "first_time_fix" ->
                RatioTally.share(
                        from,
                        to,
                        daily,
                        e -> (e.type().equals("incident.resolved") || e.type().equals("ticket.resolved"))
                                && e.payload().containsKey("firstTimeFix"),
                        e -> e.flag("firstTimeFix"),
                        100);
            case "controlled_sessions" ->
                RatioTally.share(
                        from,
                        to,
                        daily,
                        e -> e.type().equals("remote-session.started"),
                        e -> e.flag("mfa") && e.flag("recorded") && e.text("approvedBy") != null,
                        100);
            default -> null;
        };
    }
}
