package io.serviceproof.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Availability: 100 × (period − excluded − down) / (period − excluded). Down is the union of outage
 * incidents ({@code incident.opened} with {@code outage: true} until {@code incident.resolved}) and
 * heartbeats reporting {@code down} until the next beat that does not; excluded is the announced
 * maintenance, when the SLA excludes it. Incidents whose cause the SLA excludes do not count.
 */
final class AvailabilityTally extends Tally {

    private final Exclusions exclusions;
    private final List<long[]> maintenance = new ArrayList<>();
    private final List<long[]> outages = new ArrayList<>();
    private final Map<String, Long> openOutages = new TreeMap<>();
    private Long heartbeatDownSince;

    AvailabilityTally(Instant from, Instant to, boolean daily, Exclusions exclusions) {
        super(from, to, daily);
        this.exclusions = exclusions;
    }

    @Override
    void take(SlaEvent e) {
        switch (e.type()) {
            case "maintenance.announced" -> {
                if (exclusions.maintenance()) {
                    maintenance.add(new long[] {millis(e.text("startsAt")), millis(e.text("endsAt"))});
                    use(e.index());
                }
            }
            case "incident.opened" -> {
                if (e.flag("outage") && !exclusions.excludes(e) && e.text("incidentId") != null) {
                    openOutages.put(e.text("incidentId"), e.occurredAt().toEpochMilli());
                    if (inPeriod(e.occurredAt())) {
                        use(e.index());
                    }
                }
            }
            case "incident.resolved" -> {
                Long started = openOutages.remove(e.text("incidentId"));
                if (started != null) {
                    outages.add(new long[] {started, e.occurredAt().toEpochMilli()});
                    use(e.index());
                }
            }
            case "heartbeat" -> {
                boolean down = "down".equals(e.text("status"));
                if (down && heartbeatDownSince == null) {
                    heartbeatDownSince = e.occurredAt().toEpochMilli();
                    use(e.index());
                } else if (!down && heartbeatDownSince != null) {
                    outages.add(new long[] {heartbeatDownSince, e.occurredAt().toEpochMilli()});
                    heartbeatDownSince = null;
                    use(e.index());
                }
            }
            default -> {}
        }
    }

    @Override
    Figure figure(Instant until) {
        Instant end = until.isBefore(to) ? until : to;
        return compute(from, end, end);
    }

    /**
     * The best the period can still end with if nothing else goes down after {@code now}: the
     * tracker reports a breach as soon as even this misses the objective.
     */
    Figure bestCase(Instant now) {
        return compute(from, to, now.isBefore(to) ? now : to);
    }

    @Override
    void carryOver(Tally previous) {
        AvailabilityTally before = (AvailabilityTally) previous;
        before.maintenance.stream().filter(m -> m[1] > from.toEpochMilli()).forEach(maintenance::add);
        openOutages.putAll(before.openOutages);
        heartbeatDownSince = before.heartbeatDownSince;
    }

    private Figure compute(Instant from, Instant to, Instant openUntil) {
        List<Instant[]> down = new ArrayList<>();
        outages.forEach(o -> down.add(new Instant[] {Instant.ofEpochMilli(o[0]), Instant.ofEpochMilli(o[1])}));
        openOutages.values().forEach(start -> down.add(new Instant[] {Instant.ofEpochMilli(start), openUntil}));
        if (heartbeatDownSince != null) {
            down.add(new Instant[] {Instant.ofEpochMilli(heartbeatDownSince), openUntil});
        }
        List<Instant[]> windows = new ArrayList<>();
        maintenance.forEach(m -> windows.add(new Instant[] {Instant.ofEpochMilli(m[0]), Instant.ofEpochMilli(m[1])}));
        List<Instant[]> maintenanceSpans = Intervals.clip(windows, from, to);
        List<Instant[]> downSpans = Intervals.clip(down, from, to);
        long excluded = Intervals.covered(maintenanceSpans);
        long period = Duration.between(from, to).toMillis() - excluded;
        long downtime = Intervals.covered(downSpans) - Intervals.overlap(downSpans, maintenanceSpans);
        if (period <= 0) {
            return new Figure(null, downSpans.size(), How.of("maintenance-only"));
        }
        return new Figure(
                100.0 * (period - downtime) / period,
                downSpans.size(),
                exclusions.maintenance()
                        ? How.of(
                                "outages-maintenance",
                                downSpans.size(),
                                Duration.ofMillis(downtime).toMinutes(),
                                Duration.ofMillis(excluded).toMinutes())
                        : How.of(
                                "outages",
                                downSpans.size(),
                                Duration.ofMillis(downtime).toMinutes()));
    }

    @Override
    void merge(Tally next) {
        AvailabilityTally later = (AvailabilityTally) next;
        // Windows carried from day to day repeat; the union counts each moment once.
        maintenance.addAll(later.maintenance);
        outages.addAll(later.outages);
        openOutages.clear();
        openOutages.putAll(later.openOutages);
        heartbeatDownSince = later.heartbeatDownSince;
        useAll(later);
    }

    @Override
    List<Double> daily(Instant until) {
        List<Double> series = new ArrayList<>();
        for (int d = 0; d < days(until); d++) {
            Instant start = origin.plus(Duration.ofDays(d));
            Instant end = start.plus(Duration.ofDays(1));
            series.add(compute(start, end.isAfter(until) ? until : end, until).value());
        }
        return series;
    }

    @Override
    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>(usedState());
        state.put("maintenance", spans(maintenance));
        state.put("outages", spans(outages));
        state.put("open", new TreeMap<>(openOutages));
        state.put("heartbeatDownSince", heartbeatDownSince == null ? -1L : heartbeatDownSince);
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    void restore(Map<String, Object> state) {
        restoreUsed(state);
        maintenance.addAll(restoredSpans((List<?>) state.get("maintenance")));
        outages.addAll(restoredSpans((List<?>) state.get("outages")));
        ((Map<String, Object>) state.get("open")).forEach((id, at) -> openOutages.put(id, ((Number) at).longValue()));
        long since = ((Number) state.get("heartbeatDownSince")).longValue();
        heartbeatDownSince = since < 0 ? null : since;
    }

    private static List<List<Long>> spans(List<long[]> spans) {
        return spans.stream().map(s -> List.of(s[0], s[1])).toList();
    }

    private static List<long[]> restoredSpans(List<?> saved) {
        List<long[]> spans = new ArrayList<>();
        for (Object s : saved) {
            List<?> pair = (List<?>) s;
            spans.add(new long[] {((Number) pair.get(0)).longValue(), ((Number) pair.get(1)).longValue()});
        }
        return spans;
    }

    private static long millis(String timestamp) {
        return OffsetDateTime.parse(timestamp).toInstant().toEpochMilli();
    }
}
