package io.serviceproof.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The running measurement of one SLO, fed a layer's events in log order. The same tally serves the
 * report (fed a period's events at once) and the incremental tracker (fed each new event once, its
 * state persisted between batches), so both always compute the same figure.
 *
 * <p>A tally measures one period [from, to). It may be fed events from before the period: they only
 * open what the period closes (an incident opened last month and resolved in this one), and are
 * never counted as the period's own. A tally made {@code daily} also keeps its figure per day, for
 * the report's charts.
 */
abstract class Tally {

    static final int LISTED_ENTRIES = 50;

    final Instant from;
    final Instant to;
    /** Start of the daily series, or null when the tally keeps no series. */
    final Instant origin;

    private final Set<Long> used = new LinkedHashSet<>();

    Tally(Instant from, Instant to, boolean daily) {
        this.from = from;
        this.to = to;
        this.origin = daily ? from : null;
    }

    boolean inPeriod(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    /** Events fed that occurred in the period: the layer's events, whatever this SLO counts of them. */
    private long seen;

    /** Of those, the events a registered device signed. */
    private long signed;

    final void accept(SlaEvent event) {
        if (inPeriod(event.occurredAt())) {
            seen++;
            if (event.deviceSigned()) {
                signed++;
            }
        }
        take(event);
    }

    long seen() {
        return seen;
    }

    long signed() {
        return signed;
    }

    abstract void take(SlaEvent event);

    /** The figure of the period so far, measured up to {@code until} (at most the period's end). */
    abstract Figure figure(Instant until);

    /** Takes over what {@code previous} (the tally of the period before) left open at its end. */
    abstract void carryOver(Tally previous);

    /**
     * Adds what {@code next} (the tally of the following day, fed after this one) counted, and takes
     * its open items as the state at the end: a report merges a period from its days.
     */
    abstract void merge(Tally next);

    /** The figure of each day of [origin, until), null for days without data. */
    abstract List<Double> daily(Instant until);

    abstract Map<String, Object> state();

    abstract void restore(Map<String, Object> state);

    /** Log indexes of the events the figure rests on (the first fifty). */
    List<Long> entries() {
        return List.copyOf(used);
    }

    /** Adds what another tally (a later day) saw and used. */
    void useAll(Tally other) {
        other.used.forEach(this::use);
        seen += other.seen;
        signed += other.signed;
    }

    void use(long index) {
        if (used.size() < LISTED_ENTRIES) {
            used.add(index);
        }
    }

    Map<String, Object> usedState() {
        return Map.of("used", new ArrayList<>(used), "seen", seen, "signed", signed);
    }

    void restoreUsed(Map<String, Object> state) {
        seen = ((Number) state.get("seen")).longValue();
        // States saved before device signatures were counted have none.
        signed = state.get("signed") instanceof Number n ? n.longValue() : 0;
        used.clear();
        for (Object index : (List<?>) state.get("used")) {
            used.add(((Number) index).longValue());
        }
    }

    /** Day number of an instant from the origin; -1 before it. */
    int day(Instant at) {
        return at.isBefore(origin) ? -1 : (int) Duration.between(origin, at).toDays();
    }

    int days(Instant until) {
        return (int) Math.max(0, (Duration.between(origin, until).toMillis() + 86_399_999) / 86_400_000);
    }
}
