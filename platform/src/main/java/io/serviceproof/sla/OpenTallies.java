package io.serviceproof.sla;

import io.serviceproof.services.PublishedSlo;
import io.serviceproof.services.ServiceLayer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tallies one tracker transaction touches, each loaded once, or started by taking over what
 * the latest tally before it (in this batch or stored) left open.
 */
final class OpenTallies {

    /** A tally being fed, with what it measures. */
    record Running(ServiceLayer layer, PublishedSlo slo, SlaPeriod period, Tally tally) {
        void accept(SlaEvent event) {
            tally.accept(event);
        }
    }

    private final SlaStore store;
    private final Map<Key, Running> byKey = new LinkedHashMap<>();

    OpenTallies(SlaStore store) {
        this.store = store;
    }

    Running get(ServiceLayer layer, PublishedSlo slo, SlaPeriod period) {
        return byKey.computeIfAbsent(key(layer, slo, period), k -> load(layer, slo, period));
    }

    List<Running> all() {
        return List.copyOf(byKey.values());
    }

    /** As the tallies table keys a tally; a record, as it is built for every event an SLO counts. */
    private record Key(String layerId, String sloId, String span, java.time.Instant from) {}

    private static Key key(ServiceLayer layer, PublishedSlo slo, SlaPeriod period) {
        return new Key(layer.id(), slo.id(), SlaStore.span(period), period.from());
    }

    private Running load(ServiceLayer layer, PublishedSlo slo, SlaPeriod period) {
        var saved = store.tally(layer.id(), slo.id(), period);
        if (saved.isPresent() && saved.get().definition().equals(TallyStates.definition(slo))) {
            return new Running(
                    layer,
                    slo,
                    period,
                    TallyStates.restored(
                            slo, period.from(), period.to(), saved.get().state()));
        }
        Tally tally = SlaMeasurement.tallyFor(slo, period.from(), period.to(), false);
        if (saved.isEmpty()) {
            Tally earlier = latestBefore(layer, slo, period);
            if (earlier != null) {
                tally.carryOver(earlier);
            }
        }
        return new Running(layer, slo, period, tally);
    }

    /** The latest tally of the same span before {@code period}, in this batch or stored. */
    private Tally latestBefore(ServiceLayer layer, PublishedSlo slo, SlaPeriod period) {
        Running inBatch = null;
        for (Running r : byKey.values()) {
            if (r.layer().id().equals(layer.id())
                    && r.slo().id().equals(slo.id())
                    && r.period().kind() == period.kind()
                    && r.period().from().isBefore(period.from())
                    && (inBatch == null
                            || r.period().from().isAfter(inBatch.period().from()))) {
                inBatch = r;
            }
        }
        var stored = store.lastBefore(layer.id(), slo.id(), period, TallyStates.definition(slo));
        if (stored.isPresent()
                && (inBatch == null
                        || stored.get().from().isAfter(inBatch.period().from()))) {
            return TallyStates.restored(
                    slo, stored.get().from(), stored.get().to(), stored.get().state());
        }
        return inBatch == null ? null : inBatch.tally();
    }
}
