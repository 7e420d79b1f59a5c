package io.serviceproof.sla;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.ledger.LedgerEntry;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.PublishedLayers;
import io.serviceproof.services.PublishedSlo;
import io.serviceproof.services.ServiceLayer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Detects SLA breaches as events arrive, without ever recomputing history: it follows each
 * organisation's log with a cursor, feeds every new event of a layer with a published SLA once into
 * the running tally of each of the layer's SLOs for the event's period, and persists the tallies and
 * the cursor in the same transaction.
 *
 * <p>A breach is raised once per SLO and period: for availability, as soon as the period can no
 * longer reach its objective even if nothing else goes down; for the other quantities, as soon as
 * the period-to-date figure misses the objective on at least {@code breach-min-samples} samples,
 * or when the period ends with a figure that misses it. Each breach is appended to the ledger,
 * stored (assessments read it as a nonconformity) and sent to the layer's owner.
 */
@Service
public class SlaTracker {

    private static final Logger log = LoggerFactory.getLogger(SlaTracker.class);
    /** Entries read and committed together. */
    static final int BATCH = 5_000;

    private final Ledger ledger;
    private final Offerings offerings;
    private final PublishedLayers published;
    private final SlaStore store;
    private final SlaBreaches breaches;
    private final OrganisationDirectory organisations;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int minSamples;
    /** SLO definitions already recorded as tracked (sla_tracking), per layer. */
    private final java.util.Set<String> tracking = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SlaTracker(
            Ledger ledger,
            Offerings offerings,
            PublishedLayers published,
            SlaStore store,
            SlaBreaches breaches,
            OrganisationDirectory organisations,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${serviceproof.sla.breach-min-samples:20}") int minSamples) {
        this.ledger = ledger;
        this.offerings = offerings;
        this.published = published;
        this.store = store;
        this.breaches = breaches;
        this.organisations = organisations;
        this.transactions = transactions;
        this.clock = clock;
        this.minSamples = minSamples;
    }

    @Scheduled(cron = "${serviceproof.sla.tracker-cron:*/5 * * * * *}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "sla-tracker", lockAtMostFor = "PT10M")
    void trackAll() {
        for (Organisation organisation : organisations.all()) {
            try {
                track(organisation);
            } catch (RuntimeException e) {
                // One organisation's failure must not stop the others'.
                log.error("SLA tracking failed for organisation {}", organisation.slug(), e);
            }
        }
    }

    /** Feeds the organisation's new events and checks running periods; returns the breaches raised. */
    public List<SlaBreach> track(Organisation organisation) {
        return Tenancy.callAs(Actor.system(organisation.id(), "system:sla-tracker"), () -> {
            List<SlaBreach> raised = new ArrayList<>();
            Map<String, TrackedLayer> layers = trackedLayers();
            while (true) {
                // Read outside the transaction, so the write lock is held only to feed and save.
                long from = store.nextIndex();
                List<LedgerEntry> entries = ledger.layerEntriesFrom(organisation.id(), from, BATCH);
                if (entries.isEmpty()) {
                    break;
                }
                try {
                    raised.addAll(transactions.execute(status -> feedBatch(from, entries, layers)));
                } catch (CursorMoved e) {
                    // Another node tracks this log right now; it has these entries.
                    break;
                }
            }
            raised.addAll(transactions.execute(status -> checkByClock(layers)));
            return raised;
        });
    }

    /** A layer with a published SLA, keyed in the log by its code. */
    record TrackedLayer(ServiceLayer layer, Map<String, PublishedSlo> slos) {}

    /** The layers with a published SLA, each of their SLOs recorded as tracked from the cursor on. */
    private Map<String, TrackedLayer> trackedLayers() {
        long cursor = store.nextIndex();
        Instant now = clock.instant();
        Map<String, TrackedLayer> layers = new HashMap<>();
        for (ServiceLayer layer : offerings.allLayers()) {
            Map<String, PublishedSlo> slos = new LinkedHashMap<>();
            for (PublishedSlo slo : published.publishedSlos(layer.id())) {
                if (SlaMeasurement.tallyFor(slo, Instant.EPOCH, Instant.EPOCH, false) != null) {
                    slos.put(slo.id(), slo);
                    // Recorded once per definition; remembered here so a quiet log is not written to every tick.
                    String key = layer.id() + "\n" + slo.id() + "\n" + TallyStates.definition(slo);
                    if (!tracking.contains(key)) {
                        store.startTracking(layer.id(), slo.id(), TallyStates.definition(slo), cursor, now);
                        tracking.add(key);
                    }
                }
            }
            if (!slos.isEmpty()) {
                layers.put(layer.code(), new TrackedLayer(layer, slos));
            }
        }
        return layers;
    }

    /** One batch of entries read from {@code from} on, all or nothing. */
    private List<SlaBreach> feedBatch(long from, List<LedgerEntry> entries, Map<String, TrackedLayer> layers) {
        OpenTallies open = new OpenTallies(store);
        DayPeriods periods = new DayPeriods();
        for (LedgerEntry entry : entries) {
            TrackedLayer tracked = layers.get(entry.serviceLayerId());
            if (tracked == null || entry.type().equals("sla.breach")) {
                continue;
            }
            SlaEvent event = SlaEvents.of(entry);
            periods.moveTo(event.occurredAt());
            for (PublishedSlo slo : tracked.slos().values()) {
                // The SLO's own window, checked for breaches, and the day, which reports merge.
                open.get(tracked.layer(), slo, periods.window(slo.window())).accept(event);
                open.get(tracked.layer(), slo, periods.day).accept(event);
            }
        }
        long last = entries.get(entries.size() - 1).index();
        Instant now = clock.instant();
        List<SlaBreach> raised = new ArrayList<>();
        for (OpenTallies.Running running : open.all()) {
            SlaBreach breach = running.period().kind() == SlaPeriod.Kind.DAY ? null : check(running, now, last);
            if (breach != null) {
                raised.add(breach);
            }
            store.saveTally(
                    running.layer().id(),
                    running.slo().id(),
                    running.period(),
                    TallyStates.definition(running.slo()),
                    TallyStates.json(running.tally()),
                    now);
        }
        if (!store.advance(from, last + 1, now)) {
            throw new CursorMoved();
        }
        return raised;
    }

    /** Periods still running, or ended and not yet given their final check. */
    private List<SlaBreach> checkByClock(Map<String, TrackedLayer> layers) {
        Instant now = clock.instant();
        long last = store.nextIndex() - 1;
        Map<String, TrackedLayer> byId = new HashMap<>();
        layers.values().forEach(t -> byId.put(t.layer().id(), t));
        OpenTallies open = new OpenTallies(store);
        List<SlaBreach> raised = new ArrayList<>();
        for (SlaStore.TallyKey key : store.talliesToCheck(now)) {
            TrackedLayer tracked = byId.get(key.layerId());
            PublishedSlo slo = tracked == null ? null : tracked.slos().get(key.sloId());
            if (slo == null) {
                continue;
            }
            OpenTallies.Running running =
                    open.get(tracked.layer(), slo, SlaPeriod.containing(slo.window(), key.periodStart()));
            SlaBreach breach = check(running, now, last);
            if (breach != null) {
                raised.add(breach);
            }
            if (!now.isBefore(running.period().to())) {
                store.markFinalChecked(key);
            }
        }
        return raised;
    }

    private SlaBreach check(OpenTallies.Running running, Instant now, long lastIndex) {
        PublishedSlo slo = running.slo();
        SlaPeriod period = running.period();
        boolean ended = !now.isBefore(period.to());
        Figure figure = running.tally() instanceof AvailabilityTally availability
                ? availability.bestCase(now)
                : running.tally().figure(period.to());
        long needed = running.tally() instanceof AvailabilityTally || ended ? 1 : minSamples;
        if (figure.value() == null || figure.samples() < needed) {
            return null;
        }
        double value = Math.round(figure.value() * 1000) / 1000.0;
        if (slo.met(value) || store.breached(running.layer().id(), slo.id(), period.from())) {
            return null;
        }
        return breaches.raise(running, value, figure, now, lastIndex);
    }

    /**
     * The day, ISO week and month of the events being fed, worked out once per run of events on the
     * same UTC day rather than for every event and SLO (events arrive mostly in time order).
     */
    private static final class DayPeriods {

        private long epochDay = Long.MIN_VALUE;
        private SlaPeriod day;
        private SlaPeriod week;
        private SlaPeriod month;

        void moveTo(Instant at) {
            long d = Math.floorDiv(at.getEpochSecond(), 86_400L);
            if (d != epochDay) {
                java.time.LocalDate date = java.time.LocalDate.ofEpochDay(d);
                day = SlaPeriod.day(date);
                week = SlaPeriod.week(date);
                month = SlaPeriod.month(java.time.YearMonth.from(date));
                epochDay = d;
            }
        }

        /** As {@link SlaPeriod#containing} for the current day. */
        SlaPeriod window(String window) {
            return SlaPeriod.weekly(window) ? week : month;
        }
    }

    /** Another tracker advanced the cursor first: this batch rolls back, its events are not counted twice. */
    private static final class CursorMoved extends RuntimeException {
        CursorMoved() {
            super("another tracker advanced this log first", null, false, false);
        }
    }
}
