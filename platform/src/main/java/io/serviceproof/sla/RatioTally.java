package io.serviceproof.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * A scaled ratio of two sums over the events that count: a share of events (false accepts per
 * million defective parts, first-time fixes per hundred resolutions) or of quantities (records
 * received per hundred expected).
 */
final class RatioTally extends Tally {

    private final Predicate<SlaEvent> counted;
    private final ToDoubleFunction<SlaEvent> numerator;
    private final ToDoubleFunction<SlaEvent> denominator;
    private final double scale;
    private final String what;

    private double hits;
    private double total;
    private long samples;
    private final Map<Integer, double[]> byDay = new TreeMap<>();

    private RatioTally(
            Instant from,
            Instant to,
            boolean daily,
            Predicate<SlaEvent> counted,
            ToDoubleFunction<SlaEvent> numerator,
            ToDoubleFunction<SlaEvent> denominator,
            double scale,
            String what) {
        super(from, to, daily);
        this.counted = counted;
        this.numerator = numerator;
        this.denominator = denominator;
        this.scale = scale;
        this.what = what;
    }

    /** Events that {@code hit}, per {@code scale} events that are {@code counted}. */
    static RatioTally share(
            Instant from,
            Instant to,
            boolean daily,
            Predicate<SlaEvent> counted,
            Predicate<SlaEvent> hit,
            double scale) {
        return new RatioTally(from, to, daily, counted, e -> hit.test(e) ? 1 : 0, e -> 1, scale, null);
    }

    /** Σ numerator per {@code scale} Σ denominator over the counted events, e.g. records received of expected. */
    static RatioTally sums(
            Instant from,
            Instant to,
            boolean daily,
            Predicate<SlaEvent> counted,
            ToDoubleFunction<SlaEvent> numerator,
            ToDoubleFunction<SlaEvent> denominator,
            double scale,
            String what) {
        return new RatioTally(from, to, daily, counted, numerator, denominator, scale, what);
    }

    @Override
    void take(SlaEvent e) {
        if (!inPeriod(e.occurredAt()) || !counted.test(e)) {
            return;
        }
        double n = numerator.applyAsDouble(e);
        double d = denominator.applyAsDouble(e);
        hits += n;
        total += d;
        samples++;
        use(e.index());
        if (origin != null && day(e.occurredAt()) >= 0) {
            double[] sums = byDay.computeIfAbsent(day(e.occurredAt()), k -> new double[2]);
            sums[0] += n;
            sums[1] += d;
        }
    }

    @Override
    Figure figure(Instant until) {
        Double value = total == 0 ? null : scale * hits / total;
        if (what == null) {
            // A share of events: its 95 % Wilson interval says how far so few events can be trusted.
            double[] bounds = io.serviceproof.common.Wilson.interval((long) hits, (long) total);
            return new Figure(
                    value,
                    samples,
                    How.of("share", (long) hits, (long) total),
                    total == 0 ? null : round(scale * bounds[0]),
                    total == 0 ? null : round(scale * bounds[1]));
        }
        return new Figure(value, samples, How.of("sums", (long) hits, (long) total, what, samples));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    @Override
    List<Double> daily(Instant until) {
        List<Double> series = new ArrayList<>();
        for (int d = 0; d < days(until); d++) {
            double[] sums = byDay.get(d);
            series.add(sums == null || sums[1] == 0 ? null : scale * sums[0] / sums[1]);
        }
        return series;
    }

    @Override
    void carryOver(Tally previous) {
        // Nothing stays open: each event counts in its own period.
    }

    @Override
    void merge(Tally next) {
        RatioTally later = (RatioTally) next;
        hits += later.hits;
        total += later.total;
        samples += later.samples;
        useAll(later);
    }

    @Override
    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>(usedState());
        state.put("hits", hits);
        state.put("total", total);
        state.put("samples", samples);
        return state;
    }

    @Override
    void restore(Map<String, Object> state) {
        restoreUsed(state);
        hits = ((Number) state.get("hits")).doubleValue();
        total = ((Number) state.get("total")).doubleValue();
        samples = ((Number) state.get("samples")).longValue();
    }
}
