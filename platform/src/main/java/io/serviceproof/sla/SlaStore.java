package io.serviceproof.sla;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tracker's rows of the acting organisation: its cursor in the log, its tallies, its breaches. */
@Repository
class SlaStore {

    /** A persisted tally: its definition and state as canonical JSON. */
    record SavedTally(String definition, String state) {}

    private final JdbcClient jdbc;

    SlaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves the cursor from {@code expected} to {@code next}; false when another tracker moved it
     * first (then this batch must roll back, or its events would be counted twice).
     */
    boolean advance(long expected, long next, Instant at) {
        jdbc.sql("""
                        INSERT INTO sla_cursors (organisation_id, next_index, updated_at) VALUES (:org, 0, :at)
                        ON CONFLICT (organisation_id) DO NOTHING
                        """).param("org", org()).param("at", Timestamps.toMillis(at)).update();
        return jdbc.sql("""
                                UPDATE sla_cursors SET next_index = :next, updated_at = :at
                                WHERE organisation_id = :org AND next_index = :expected
                                """)
                        .param("org", org())
                        .param("next", next)
                        .param("expected", expected)
                        .param("at", Timestamps.toMillis(at))
                        .update()
                == 1;
    }

    long nextIndex() {
        return jdbc.sql("SELECT next_index FROM sla_cursors WHERE organisation_id = :org")
                .param("org", org())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** The span a tally covers: the SLO's own window, or one day. */
    static String span(SlaPeriod period) {
        return period.kind() == SlaPeriod.Kind.DAY ? "day" : "period";
    }

    Optional<SavedTally> tally(String layerId, String sloId, SlaPeriod period) {
        return jdbc.sql("""
                        SELECT definition, state FROM sla_tallies
                        WHERE organisation_id = :org AND layer_id = :layer AND slo_id = :slo AND span = :span
                          AND period_start = :start
                        """)
                .param("org", org())
                .param("layer", layerId)
                .param("slo", sloId)
                .param("span", span(period))
                .param("start", Timestamps.toMillis(period.from()))
                .query((row, n) -> new SavedTally(row.getString("definition"), row.getString("state")))
                .optional();
    }

    void saveTally(String layerId, String sloId, SlaPeriod period, String definition, String state, Instant at) {
        jdbc.sql("""
                        INSERT INTO sla_tallies (organisation_id, layer_id, slo_id, span, period_start, period_end,
                                                 definition, state, updated_at)
                        VALUES (:org, :layer, :slo, :span, :start, :end, :definition, :state, :at)
                        ON CONFLICT (organisation_id, layer_id, slo_id, span, period_start)
                        DO UPDATE SET definition = :definition, state = :state, period_end = :end, updated_at = :at
                        """)
                .param("org", org())
                .param("layer", layerId)
                .param("slo", sloId)
                .param("span", span(period))
                .param("start", Timestamps.toMillis(period.from()))
                .param("end", Timestamps.toMillis(period.to()))
                .param("definition", definition)
                .param("state", state)
                .param("at", Timestamps.toMillis(at))
                .update();
    }

    /** A tally to check against the clock: its layer, SLO and period start. */
    record TallyKey(String layerId, String sloId, Instant periodStart) {}

    /**
     * Tallies whose period is still running at {@code now} (an open outage can breach by the clock
     * alone), and those whose period has ended but were not given their final check.
     */
    List<TallyKey> talliesToCheck(Instant now) {
        return jdbc.sql("""
                        SELECT layer_id, slo_id, period_start FROM sla_tallies
                        WHERE organisation_id = :org AND span = 'period' AND period_start <= :now AND final_checked = 0
                        ORDER BY layer_id, slo_id, period_start
                        """)
                .param("org", org())
                .param("now", Timestamps.toMillis(now))
                .query((row, n) -> new TallyKey(
                        row.getString("layer_id"), row.getString("slo_id"), Timestamps.instant(row, "period_start")))
                .list();
    }

    void markFinalChecked(TallyKey key) {
        jdbc.sql("""
                        UPDATE sla_tallies SET final_checked = 1
                        WHERE organisation_id = :org AND layer_id = :layer AND slo_id = :slo AND span = 'period'
                          AND period_start = :start
                        """)
                .param("org", org())
                .param("layer", key.layerId())
                .param("slo", key.sloId())
                .param("start", Timestamps.toMillis(key.periodStart()))
                .update();
    }

    /** The day tallies of one SLO in [from, to), oldest first, with their day's start. */
    List<DayTally> dayTallies(String layerId, String sloId, String definition, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT period_start, state FROM sla_tallies
                        WHERE organisation_id = :org AND layer_id = :layer AND slo_id = :slo AND span = 'day'
                          AND definition = :definition AND period_start >= :from AND period_start < :to
                        ORDER BY period_start
                        """)
                .param("org", org())
                .param("layer", layerId)
                .param("slo", sloId)
                .param("definition", definition)
                .param("from", Timestamps.toMillis(from))
                .param("to", Timestamps.toMillis(to))
                .query((row, n) -> new DayTally(Timestamps.instant(row, "period_start"), row.getString("state")))
                .list();
    }

    /** A persisted day tally: the day's start and its state. */
    record DayTally(Instant day, String state) {}

    /** A persisted tally and the span of time it covers. */
    record StoredTally(Instant from, Instant to, String state) {}

    /** The latest tally of the same span that starts before {@code before} (what was open then), if any. */
    Optional<StoredTally> lastBefore(String layerId, String sloId, SlaPeriod period, String definition) {
        return jdbc.sql("""
                        SELECT period_start, period_end, state FROM sla_tallies
                        WHERE organisation_id = :org AND layer_id = :layer AND slo_id = :slo AND span = :span
                          AND definition = :definition AND period_start < :before
                        ORDER BY period_start DESC
                        LIMIT 1
                        """)
                .param("org", org())
                .param("layer", layerId)
                .param("slo", sloId)
                .param("span", span(period))
                .param("definition", definition)
                .param("before", Timestamps.toMillis(period.from()))
                .query((row, n) -> new StoredTally(
                        Timestamps.instant(row, "period_start"),
                        Timestamps.instant(row, "period_end"),
                        row.getString("state")))
                .optional();
    }

    /** Records, once, that the tracker feeds this SLO definition from {@code fromIndex} on. */
    void startTracking(String layerId, String sloId, String definition, long fromIndex, Instant at) {
        jdbc.sql("""
                        INSERT INTO sla_tracking (organisation_id, layer_id, slo_id, definition, from_index, started_at)
                        VALUES (:org, :layer, :slo, :definition, :from, :at)
                        ON CONFLICT (organisation_id, layer_id, slo_id, definition) DO NOTHING
                        """)
                .param("org", org())
                .param("layer", layerId)
                .param("slo", sloId)
                .param("definition", definition)
                .param("from", fromIndex)
                .param("at", Timestamps.toMillis(at))
                .update();
    }

    /** The log index from which the tracker has fed this SLO definition, if it has. */
    Optional<Long> trackedFrom(String layerId, String sloId, String definition) {
        return jdbc.sql("""
                        SELECT from_index FROM sla_tracking
                        WHERE organisation_id = :org AND layer_id = :layer AND slo_id = :slo AND definition = :definition
                        """)
                .param("org", org())
                .param("layer", layerId)
                .param("slo", sloId)
                .param("definition", definition)
                .query(Long.class)
                .optional();
    }

    boolean breached(String layerId, String sloId, Instant periodStart) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM sla_breaches
                        WHERE organisation_id = :org AND layer_id = :layer AND slo_id = :slo AND period_start = :start
                        """)
                        .param("org", org())
                        .param("layer", layerId)
                        .param("slo", sloId)
                        .param("start", Timestamps.toMillis(periodStart))
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insertBreach(SlaBreach b) {
        jdbc.sql("""
                        INSERT INTO sla_breaches (id, organisation_id, layer_id, slo_id, metric, expression, unit,
                                                  period_start, period_end, measured, samples, how, detected_at,
                                                  last_index, ledger_index)
                        VALUES (:id, :org, :layer, :slo, :metric, :expression, :unit, :start, :end, :measured, :samples,
                                :how, :detectedAt, :lastIndex, :ledgerIndex)
                        """)
                .param("id", b.id())
                .param("org", org())
                .param("layer", b.layerId())
                .param("slo", b.sloId())
                .param("metric", b.metric())
                .param("expression", b.expression())
                .param("unit", b.unit())
                .param("start", Timestamps.toMillis(b.periodStart()))
                .param("end", Timestamps.toMillis(b.periodEnd()))
                .param("measured", b.measured())
                .param("samples", b.samples())
                .param("how", b.how())
                .param("detectedAt", Timestamps.toMillis(b.detectedAt()))
                .param("lastIndex", b.lastIndex())
                .param("ledgerIndex", b.ledgerIndex())
                .update();
    }

    /** Breaches of the given layers in periods overlapping [from, to), newest period first. */
    List<SlaBreach> breaches(List<String> layerIds, Instant from, Instant to) {
        if (layerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT * FROM sla_breaches
                        WHERE organisation_id = :org AND layer_id IN (:layers)
                          AND period_start < :to AND period_end > :from
                        ORDER BY period_start DESC, layer_id, slo_id
                        """)
                .param("org", org())
                .param("layers", layerIds)
                .param("from", Timestamps.toMillis(from))
                .param("to", Timestamps.toMillis(to))
                .query(SlaStore::breach)
                .list();
    }

    private static SlaBreach breach(ResultSet row, int n) throws SQLException {
        double value = row.getDouble("measured");
        Double measured = row.wasNull() ? null : value;
        return new SlaBreach(
                row.getString("id"),
                row.getString("layer_id"),
                row.getString("slo_id"),
                row.getString("metric"),
                row.getString("expression"),
                row.getString("unit"),
                Timestamps.instant(row, "period_start"),
                Timestamps.instant(row, "period_end"),
                measured,
                row.getLong("samples"),
                row.getString("how"),
                Timestamps.instant(row, "detected_at"),
                row.getLong("last_index"),
                row.getLong("ledger_index"));
    }

    private static String org() {
        return Tenancy.organisationId().toString();
    }
}
