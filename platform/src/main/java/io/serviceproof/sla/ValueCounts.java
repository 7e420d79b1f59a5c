package io.serviceproof.sla;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An exact multiset of measured values, kept as counts of values quantised to thousandths.
 *
 * <p>Why not a sketch (HdrHistogram, t-digest): an SLA figure is compared with a contractual
 * threshold, and an approximate p95 of 1000.4 ms against "≤ 1000" would turn a met objective into a
 * breach. Measured values (milliseconds, minutes, hours) repeat heavily, so the distinct values stay
 * few, and the counts merge and persist exactly, which is what lets the incremental tracker and the
 * report compute the same figure.
 */
final class ValueCounts {

    private static final double SCALE = 1000.0;

    private final Map<Long, Long> counts = new HashMap<>();
    private long total;
    private double sum;

    void add(double value) {
        counts.merge(Math.round(value * SCALE), 1L, Long::sum);
        total++;
        sum += value;
    }

    void addAll(ValueCounts other) {
        other.counts.forEach((value, count) -> counts.merge(value, count, Long::sum));
        total += other.total;
        sum += other.sum;
    }

    long total() {
        return total;
    }

    /** The aggregate an SLO names: p50…p99 by nearest rank, max, min, count, or (otherwise) the mean. */
    Double aggregate(String aggregate) {
        if (total == 0) {
            return null;
        }
        String how = aggregate == null ? "mean" : aggregate;
        return switch (how) {
            case "p50", "p90", "p95", "p99" -> percentile(Integer.parseInt(how.substring(1)));
            case "max" ->
                counts.keySet().stream().mapToLong(Long::longValue).max().orElse(0) / SCALE;
            case "min" ->
                counts.keySet().stream().mapToLong(Long::longValue).min().orElse(0) / SCALE;
            case "count" -> (double) total;
            default -> sum / total;
        };
    }

    private double percentile(int p) {
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        List<Long> values = new ArrayList<>(counts.keySet());
        values.sort(null);
        long seen = 0;
        for (long value : values) {
            seen += counts.get(value);
            if (seen >= rank) {
                return value / SCALE;
            }
        }
        return values.get(values.size() - 1) / SCALE;
    }

    /** The state as plain JSON-able data: [[value×1000, count], …], total and sum. */
    Map<String, Object> state() {
        List<List<Long>> pairs = new ArrayList<>();
        counts.forEach((value, count) -> pairs.add(List.of(value, count)));
        pairs.sort((a, b) -> Long.compare(a.get(0), b.get(0)));
        return Map.of("counts", pairs, "total", total, "sum", sum);
    }

    static ValueCounts fromState(Map<String, Object> state) {
        ValueCounts restored = new ValueCounts();
        for (Object pair : (List<?>) state.get("counts")) {
            List<?> p = (List<?>) pair;
            restored.counts.put(((Number) p.get(0)).longValue(), ((Number) p.get(1)).longValue());
        }
        restored.total = ((Number) state.get("total")).longValue();
        restored.sum = ((Number) state.get("sum")).doubleValue();
        return restored;
    }
}
