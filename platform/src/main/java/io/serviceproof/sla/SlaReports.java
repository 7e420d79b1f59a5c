package io.serviceproof.sla;

import io.serviceproof.ledger.Ledger;
import io.serviceproof.ledger.LoggedEvent;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.PublishedLayers;
import io.serviceproof.services.PublishedSlo;
import io.serviceproof.services.ServiceLayer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures a layer's published SLA over a period. Each SLO comes from one of two sources, which
 * compute the same figures (ADR 009):
 *
 * <ul>
 *   <li>the tracker's day roll-ups merged over the period, plus the layer's events the tracker has
 *       not read yet: milliseconds whatever the volume, used whenever the tracker has fed the SLO
 *       every event of the period;
 *   <li>the log itself, streamed once: used otherwise (an SLA published after its events were
 *       logged, or the tracker not started yet), and on request, so that anyone can check the
 *       roll-ups against the log.
 * </ul>
 */
@Service
public class SlaReports {

    /** Where a report's figures come from. */
    public enum Source {
        /** Roll-ups where complete, the log otherwise. */
        AUTO,
        /** The log, re-read for every objective. */
        LOG
    }

    /**
     * How far before the period events are read to find what the period closes: an incident opened
     * or a ticket raised before it, a maintenance window announced ahead.
     */
    static final Duration LOOKBACK = Duration.ofDays(35);

    /**
     * Event types read from the lookback: what opens, and what closes before the period (so that it
     * does not stay open). Heartbeats are not: a service reported down across the period's start
     * counts from its first "down" beat in the period, at most one interval late.
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
    private final TransactionTemplate snapshot;
    private final Clock clock;

    SlaReports(
            Offerings offerings,
            PublishedLayers published,
            Ledger ledger,
            SlaStore store,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.offerings = offerings;
        this.published = published;
        this.ledger = ledger;
        this.store = store;
        this.snapshot = new TransactionTemplate(transactions);
        // The roll-ups and the tracker's cursor must be read as of one moment.
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    public SlaReport report(String layerId, SlaPeriod period) {
        return report(layerId, period, Source.AUTO);
    }

    public SlaReport report(String layerId, SlaPeriod period, Source source) {
        ServiceLayer layer = offerings.layer(layerId);
        List<PublishedSlo> slos = published.publishedSlos(layerId);
        Instant now = clock.instant();
        Instant until = now.isBefore(period.to()) ? now : period.to();

        Rollups rollups = source == Source.LOG ? null : snapshot.execute(s -> rollups(layer, slos, period));
        List<PublishedSlo> fromLog = new ArrayList<>();
        for (int i = 0; i < slos.size(); i++) {
            if (rollups == null || rollups.merged().get(i) == null) {
                fromLog.add(slos.get(i));
            }
        }
        SlaMeasurement measured = new SlaMeasurement(fromLog, period.from(), period.to(), true);
        long[] events = new long[2];
        if (!fromLog.isEmpty()) {
            // What opened before the period and may close in it, then the period's own events.
            ledger.forEachEventOfLayer(
                    layer.code(),
                    OPENING_TYPES,
                    period.from().minus(LOOKBACK),
                    period.from(),
                    e -> measured.accept(SlaEvents.of(e)));
            ledger.forEachEventOfLayer(layer.code(), null, period.from(), period.to(), e -> {
                SlaEvent event = SlaEvents.of(e);
                events[0]++;
                events[1] += event.deviceSigned() ? 1 : 0;
                measured.accept(event);
            });
        } else {
            events[0] = -1;
        }
        if (rollups != null) {
            // Events the tracker has not read yet complete the roll-ups.
            ledger.forEachEventOfLayerFrom(layer.code(), rollups.cursor(), period.to(), e -> rollups.accept(e, period));
        }

        List<SloResult> logResults = measured.results(until);
        List<List<Double>> logDaily = measured.daily(until);
        List<SloResult> results = new ArrayList<>();
        List<SlaReport.Series> daily = new ArrayList<>();
        int fromLogIndex = 0;
        for (int i = 0; i < slos.size(); i++) {
            PublishedSlo slo = slos.get(i);
            List<Double> values;
            if (rollups != null && rollups.merged().get(i) != null) {
                Tally merged = rollups.merged().get(i);
                results.add(SlaMeasurement.result(slo, merged, merged.figure(until)));
                values = rollups.daily(i, period, until);
            } else {
                results.add(logResults.get(fromLogIndex));
                values = logDaily.get(fromLogIndex);
                fromLogIndex++;
            }
            daily.add(new SlaReport.Series(
                    slo.id(), slo.operator(), slo.threshold().doubleValue(), values));
        }
        long eventCount = events[0] >= 0 ? events[0] : rollups.events();
        long signedCount = events[0] >= 0 ? events[1] : rollups.signed();
        return new SlaReport(
                layerId,
                layer.code(),
                layer.name(),
                period,
                until,
                results,
                daily,
                store.breaches(List.of(layerId), period.from(), period.to()),
                eventCount,
                signedCount,
                fromLog.isEmpty() ? "roll-ups" : fromLog.size() == slos.size() ? "log" : "roll-ups and log");
    }

    /** Per SLO, the period merged from its day roll-ups (null where they are incomplete), and its days. */
    private Rollups rollups(ServiceLayer layer, List<PublishedSlo> slos, SlaPeriod period) {
        long cursor = store.nextIndex();
        List<Tally> merged = new ArrayList<>();
        List<Map<Instant, Tally>> days = new ArrayList<>();
        for (PublishedSlo slo : slos) {
            String definition = TallyStates.definition(slo);
            var from = store.trackedFrom(layer.id(), slo.id(), definition);
            Tally tally = SlaMeasurement.tallyFor(slo, period.from(), period.to(), true);
            boolean complete = tally != null
                    && from.isPresent()
                    && (from.get() == 0
                            || !ledger.anyEventOfLayerBefore(
                                    layer.code(), from.get(), period.from().minus(LOOKBACK), period.to()));
            if (!complete) {
                merged.add(null);
                days.add(null);
                continue;
            }
            SlaPeriod firstDay = SlaPeriod.day(period.firstDay());
            store.lastBefore(layer.id(), slo.id(), firstDay, definition)
                    .ifPresent(before ->
                            tally.carryOver(TallyStates.restored(slo, before.from(), before.to(), before.state())));
            Map<Instant, Tally> byDay = new TreeMap<>();
            for (SlaStore.DayTally day :
                    store.dayTallies(layer.id(), slo.id(), definition, period.from(), period.to())) {
                Tally dayTally = TallyStates.restored(slo, day.day(), day.day().plus(Duration.ofDays(1)), day.state());
                tally.merge(dayTally);
                byDay.put(day.day(), dayTally);
            }
            merged.add(tally);
            days.add(byDay);
        }
        return new Rollups(cursor, slos, merged, days);
    }

    /** The roll-ups of one report, completed in memory by the events the tracker has not read. */
    private record Rollups(long cursor, List<PublishedSlo> slos, List<Tally> merged, List<Map<Instant, Tally>> days) {

        void accept(LoggedEvent logged, SlaPeriod period) {
            SlaEvent event = SlaEvents.of(logged);
            Instant day = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
            for (int i = 0; i < merged.size(); i++) {
                Tally tally = merged.get(i);
                if (tally == null) {
                    continue;
                }
                tally.accept(event);
                Map<Instant, Tally> byDay = days.get(i);
                Tally dayTally = byDay.get(day);
                if (dayTally == null && !day.isBefore(period.from())) {
                    dayTally = SlaMeasurement.tallyFor(slos.get(i), day, day.plus(Duration.ofDays(1)), false);
                    var earlier = ((TreeMap<Instant, Tally>) byDay).lowerEntry(day);
                    if (earlier != null) {
                        dayTally.carryOver(earlier.getValue());
                    }
                    byDay.put(day, dayTally);
                }
                if (dayTally != null) {
                    dayTally.accept(event);
                }
            }
        }

        /** Each day's figure; availability from the merged spans, so days without events count too. */
        List<Double> daily(int slo, SlaPeriod period, Instant until) {
            Tally tally = merged.get(slo);
            if (tally instanceof AvailabilityTally) {
                return tally.daily(until);
            }
            List<Double> values = new ArrayList<>();
            for (SlaPeriod day : period.days()) {
                if (!day.from().isBefore(until)) {
                    break;
                }
                Tally dayTally = days.get(slo).get(day.from());
                values.add(dayTally == null ? null : dayTally.figure(day.to()).value());
            }
            return values;
        }

        /** The layer's events in the period that a registered device signed. */
        long signed() {
            return merged.stream()
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .map(Tally::signed)
                    .orElse(0L);
        }

        /** The layer's events in the period: every SLO's tally sees them all. */
        long events() {
            return merged.stream()
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .map(Tally::seen)
                    .orElse(0L);
        }
    }
}
