package io.serviceproof.sla;

import io.serviceproof.ledger.Ledger;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.PublishedLayers;
import io.serviceproof.services.PublishedSlo;
import io.serviceproof.services.ServiceLayer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Measures a layer's published SLA over a period from the events its producers logged for it,
 * streaming them so that a month of ten million events is read once, in constant memory.
 */
@Service
public class SlaReports {

    /**
     * How far before the period events are read to find what the period closes: an incident opened
     * or a ticket raised before it, a maintenance window announced ahead.
     */
    static final Duration LOOKBACK = Duration.ofDays(35);

    /**
     * Event types read from the lookback: what opens, and what closes before the period (so that it
     * does not stay open). Heartbeats are not: a service reported down across the
     * period's start counts from its first "down" beat in the period, at most one interval late.
     */
    static final List<String> OPENING_TYPES = List.of(
            "incident.opened",
            "incident.acknowledged",
            "incident.resolved",
            "ticket.opened",
            "ticket.responded",
            "maintenance.announced");

    private final Offerings offerings;
    private final PublishedLayers published;
    private final Ledger ledger;
    private final SlaStore store;
    private final Clock clock;

    SlaReports(Offerings offerings, PublishedLayers published, Ledger ledger, SlaStore store, Clock clock) {
        this.offerings = offerings;
        this.published = published;
        this.ledger = ledger;
        this.store = store;
        this.clock = clock;
    }

    public SlaReport report(String layerId, SlaPeriod period) {
        ServiceLayer layer = offerings.layer(layerId);
        List<PublishedSlo> slos = published.publishedSlos(layerId);
        SlaMeasurement measurement = new SlaMeasurement(slos, period.from(), period.to(), true);
        // What opened before the period and may close in it, then the period's own events.
        ledger.forEachEventOfLayer(
                layer.code(),
                OPENING_TYPES,
                period.from().minus(LOOKBACK),
                period.from(),
                entry -> measurement.accept(SlaEvents.of(entry)));
        long[] events = new long[1];
        ledger.forEachEventOfLayer(layer.code(), null, period.from(), period.to(), entry -> {
            events[0]++;
            measurement.accept(SlaEvents.of(entry));
        });
        Instant now = clock.instant();
        Instant until = now.isBefore(period.to()) ? now : period.to();
        List<SloResult> results = measurement.results(until);
        List<List<Double>> daily = measurement.daily(until);
        List<SlaReport.Series> series = new ArrayList<>();
        for (int i = 0; i < slos.size(); i++) {
            PublishedSlo slo = slos.get(i);
            series.add(new SlaReport.Series(
                    slo.id(), slo.operator(), slo.threshold().doubleValue(), daily.get(i)));
        }
        return new SlaReport(
                layerId,
                layer.code(),
                layer.name(),
                period,
                until,
                results,
                series,
                store.breaches(List.of(layerId), period.from(), period.to()),
                events[0]);
    }

    /** Breaches of the given layers in periods overlapping [from, to): the assessments' nonconformities. */
    public List<SlaBreach> breaches(List<String> layerIds, Instant from, Instant to) {
        return store.breaches(layerIds, from, to);
    }
}
