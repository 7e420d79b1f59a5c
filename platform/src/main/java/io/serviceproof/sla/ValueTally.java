package io.serviceproof.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A distribution of values aggregated by the SLO (p95, mean, max…): either a payload field of one
 * event type, or the time between a start and an end event sharing an id (an incident opened and
 * acknowledged, a ticket opened and answered). A duration counts in the period (and on the day) its end event occurs.
 */
final class ValueTally extends Tally {

    private final String aggregate;
    private final String source;
    private final String type;
    private final String field;
    private final String endType;
    private final int unitSeconds;
    private final Exclusions exclusions;

    private final ValueCounts all = new ValueCounts();
    private final Map<Integer, ValueCounts> byDay = new TreeMap<>();
    /** Open starts by id: [occurredAt millis, log index]. */
    private final Map<String, long[]> open = new HashMap<>();

    private ValueTally(
            Instant from,
            Instant to,
            boolean daily,
            String aggregate,
            String type,
            String field,
            String endType,
            int unitSeconds,
            Exclusions exclusions) {
        super(from, to, daily);
        this.aggregate = aggregate;
        this.type = type;
        this.field = field;
        this.endType = endType;
        this.unitSeconds = unitSeconds;
        this.exclusions = exclusions;
        this.source = endType == null ? type + "." + field : type + " to " + endType;
    }

    /** The values of {@code type}'s payload field {@code field}. */
    static ValueTally ofField(Instant from, Instant to, boolean daily, String aggregate, String type, String field) {
        return new ValueTally(from, to, daily, aggregate, type, field, null, 0, Exclusions.DEFAULT);
    }

    /** Times from {@code startType} to {@code endType} matched on payload {@code key}, in units of seconds. */
    static ValueTally ofDurations(
            Instant from,
            Instant to,
            boolean daily,
            String aggregate,
            String startType,
            String endType,
            String key,
            int unitSeconds,
            Exclusions exclusions) {
        return new ValueTally(from, to, daily, aggregate, startType, key, endType, unitSeconds, exclusions);
    }

    @Override
    void take(SlaEvent e) {
        if (endType == null) {
            Double v = e.type().equals(type) && inPeriod(e.occurredAt()) ? e.number(field) : null;
            if (v != null) {
                record(v, e.occurredAt());
                use(e.index());
            }
        } else if (e.type().equals(type)) {
            if (!(type.startsWith("incident.") && exclusions.excludes(e)) && e.text(field) != null) {
                open.put(e.text(field), new long[] {e.occurredAt().toEpochMilli(), e.index()});
            }
        } else if (e.type().equals(endType)
                && inPeriod(e.occurredAt())
                && e.text(field) != null
                && open.containsKey(e.text(field))) {
            long[] start = open.remove(e.text(field));
            record((e.occurredAt().toEpochMilli() - start[0]) / 1000.0 / unitSeconds, e.occurredAt());
            use(start[1]);
            use(e.index());
        }
    }

    private void record(double value, Instant at) {
        all.add(value);
        if (origin != null && day(at) >= 0) {
            byDay.computeIfAbsent(day(at), d -> new ValueCounts()).add(value);
        }
    }

    @Override
    Figure figure(Instant until) {
        Double value = all.aggregate(aggregate);
        if (value == null) {
            return new Figure(null, 0, How.of("no-values", source));
        }
        String how = aggregate == null ? "mean" : aggregate;
        return new Figure(value, all.total(), How.of("values", how, all.total(), source));
    }

    @Override
    List<Double> daily(Instant until) {
        List<Double> series = new ArrayList<>();
        for (int d = 0; d < days(until); d++) {
            ValueCounts counts = byDay.get(d);
            series.add(counts == null ? null : counts.aggregate(aggregate));
        }
        return series;
    }

    @Override
    void carryOver(Tally previous) {
        open.putAll(((ValueTally) previous).open);
    }

    @Override
    void merge(Tally next) {
        ValueTally later = (ValueTally) next;
        all.addAll(later.all);
        open.clear();
        open.putAll(later.open);
        useAll(later);
    }

    @Override
    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>(usedState());
        state.put("values", all.state());
        Map<String, Object> starts = new TreeMap<>();
        open.forEach((id, start) -> starts.put(id, List.of(start[0], start[1])));
        state.put("open", starts);
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    void restore(Map<String, Object> state) {
        restoreUsed(state);
        ValueCounts saved = ValueCounts.fromState((Map<String, Object>) state.get("values"));
        all.addAll(saved);
        ((Map<String, Object>) state.get("open")).forEach((id, start) -> {
            List<?> s = (List<?>) start;
            open.put(id, new long[] {((Number) s.get(0)).longValue(), ((Number) s.get(1)).longValue()});
        });
    }
}
