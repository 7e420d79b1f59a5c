package io.serviceproof.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.services.PublishedSlo;
import io.serviceproof.verifier.json.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tracker feeds each event once and persists its tallies between batches; the report feeds a
 * whole period at once. These tests hold the two to the same figures, on seeded random event
 * streams cut into random batches with a save and restore (through JSON) at every cut.
 */
class IncrementalTallyTests {

    static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-01T00:00:00Z");

    static PublishedSlo slo(String aggregate, String quantity, String exclusions) {
        return new PublishedSlo(
                quantity, quantity, null, "month", exclusions, "x", aggregate, quantity, "<=", BigDecimal.ONE);
    }

    static final List<PublishedSlo> SLOS = List.of(
            slo(null, "availability", null),
            slo("p95", "latency_ms", null),
            slo("p99", "review_minutes", null),
            slo(null, "false_accept_ppm", null),
            slo(null, "false_reject_pct", null),
            slo("p90", "acknowledge_minutes", "customer-caused incidents, announced maintenance"),
            slo("max", "restore_hours", null),
            slo("mean", "response_minutes", null),
            slo(null, "telemetry_received", null),
            slo(null, "first_time_fix", null),
            slo(null, "controlled_sessions", null),
            slo("p95", "alarm_acknowledge_minutes", null),
            slo("max", "alarm_clear_minutes", null));

    /** A month of mixed events, in time order, from a seed. */
    static List<SlaEvent> month(long seed) {
        Random random = new Random(seed);
        List<SlaEvent> events = new ArrayList<>();
        Instant at = FROM;
        long index = 0;
        int incident = 0;
        int ticket = 0;
        while (at.isBefore(TO)) {
            at = at.plus(Duration.ofSeconds(30 + random.nextInt(600)));
            int kind = random.nextInt(22);
            Map<String, Object> payload;
            String type;
            if (kind < 8) {
                type = "inspection.verdict";
                payload = Map.of(
                        "verdict", random.nextBoolean() ? "pass" : "fail", "latencyMs", 100 + random.nextInt(900));
            } else if (kind < 11) {
                type = "inspection.review";
                payload = Map.of(
                        "truth", random.nextInt(10) == 0 ? "defective" : "good",
                        "verdict", random.nextInt(10) == 0 ? "pass" : "fail",
                        "reviewMinutes", random.nextInt(40) / 2.0);
            } else if (kind < 13) {
                type = "data-sync.report";
                payload = Map.of("expected", 1000, "received", 950 + random.nextInt(51));
            } else if (kind == 13) {
                type = "incident.opened";
                payload = Map.of(
                        "incidentId",
                        "i" + ++incident,
                        "priority",
                        "P2",
                        "outage",
                        random.nextBoolean(),
                        "cause",
                        random.nextBoolean() ? "service" : "customer");
            } else if (kind == 14 && incident > 0) {
                type = random.nextBoolean() ? "incident.acknowledged" : "incident.resolved";
                payload = Map.of(
                        "incidentId", "i" + (1 + random.nextInt(incident)), "firstTimeFix", random.nextBoolean());
            } else if (kind == 15) {
                type = "ticket.opened";
                payload = Map.of("ticketId", "t" + ++ticket, "priority", "P3");
            } else if (kind == 16 && ticket > 0) {
                type = "ticket.responded";
                payload = Map.of("ticketId", "t" + (1 + random.nextInt(ticket)));
            } else if (kind == 17) {
                type = "remote-session.started";
                payload = Map.of(
                        "sessionId", "s" + index, "mfa", true, "recorded", random.nextBoolean(), "approvedBy", "c");
            } else if (kind == 18) {
                type = "maintenance.announced";
                Instant start = at.plus(Duration.ofHours(random.nextInt(48)));
                payload = Map.of(
                        "windowId", "w" + index,
                        "startsAt", start.toString(),
                        "endsAt",
                                start.plus(Duration.ofMinutes(30 + random.nextInt(120)))
                                        .toString());
            } else if (kind == 20) {
                type = "alarm.raised";
                payload = Map.of("conditionId", "c" + random.nextInt(4));
            } else if (kind == 21) {
                type = random.nextBoolean() ? "alarm.acknowledged" : "alarm.cleared";
                payload = Map.of("conditionId", "c" + random.nextInt(4));
            } else {
                type = "heartbeat";
                payload = Map.of("status", random.nextInt(30) == 0 ? "down" : "up");
            }
            if (at.isBefore(TO)) {
                events.add(new SlaEvent(index++, type, at, payload));
            }
        }
        return events;
    }

    @Test
    void feedingInSavedAndRestoredBatchesGivesTheSameFiguresAsOnePass() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            List<SlaEvent> events = month(seed);
            List<SloResult> onePass = SlaMeasurement.measure(SLOS, events, FROM, TO);
            Random cuts = new Random(seed * 31);
            for (int s = 0; s < SLOS.size(); s++) {
                PublishedSlo slo = SLOS.get(s);
                Tally tally = SlaMeasurement.tallyFor(slo, FROM, TO, false);
                int i = 0;
                while (i < events.size()) {
                    int end = Math.min(events.size(), i + 1 + cuts.nextInt(500));
                    for (; i < end; i++) {
                        tally.accept(events.get(i));
                    }
                    // What the tracker does between batches: state to canonical JSON, and back.
                    Tally restored = SlaMeasurement.tallyFor(slo, FROM, TO, false);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> state = (Map<String, Object>) Json.parse(Json.canonical(tally.state()));
                    restored.restore(state);
                    tally = restored;
                }
                SloResult incremental = SlaMeasurement.result(slo, tally, tally.figure(TO));
                assertThat(incremental).as("seed %d, %s", seed, slo.quantity()).isEqualTo(onePass.get(s));
                assertThat(incremental.samples())
                        .as("seed %d, %s", seed, slo.quantity())
                        .isPositive();
            }
        }
    }

    @Test
    void aPeriodMergedFromItsDayRollUpsGivesTheSameFiguresAsOnePass() throws Exception {
        for (long seed = 11; seed <= 13; seed++) {
            List<SlaEvent> events = month(seed);
            List<SloResult> onePass = SlaMeasurement.measure(SLOS, events, FROM, TO);
            for (int s = 0; s < SLOS.size(); s++) {
                PublishedSlo slo = SLOS.get(s);
                // The tracker's way: each event into its day's tally, each new day carrying over the last.
                java.util.TreeMap<Instant, Tally> days = new java.util.TreeMap<>();
                for (SlaEvent e : events) {
                    Instant day = e.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
                    Tally tally = days.get(day);
                    if (tally == null) {
                        tally = SlaMeasurement.tallyFor(slo, day, day.plus(Duration.ofDays(1)), false);
                        var before = days.lowerEntry(day);
                        if (before != null) {
                            tally.carryOver(before.getValue());
                        }
                        days.put(day, tally);
                    }
                    tally.accept(e);
                }
                // The report's way: the period's tally merged from the stored days, in order.
                Tally merged = SlaMeasurement.tallyFor(slo, FROM, TO, false);
                for (var day : days.entrySet()) {
                    Tally stored = SlaMeasurement.tallyFor(
                            slo, day.getKey(), day.getKey().plus(Duration.ofDays(1)), false);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> state = (Map<String, Object>)
                            Json.parse(Json.canonical(day.getValue().state()));
                    stored.restore(state);
                    merged.merge(stored);
                }
                SloResult fromDays = SlaMeasurement.result(slo, merged, merged.figure(TO));
                SloResult expected = onePass.get(s);
                assertThat(fromDays.value())
                        .as("seed %d, %s", seed, slo.quantity())
                        .isEqualTo(expected.value());
                assertThat(fromDays.samples())
                        .as("seed %d, %s", seed, slo.quantity())
                        .isEqualTo(expected.samples());
                assertThat(fromDays.status()).isEqualTo(expected.status());
                assertThat(merged.seen()).isEqualTo(events.size());
            }
        }
    }

    @Test
    void anOutageOpenAtTheMonthsEndCountsInBothMonths() {
        PublishedSlo availability = slo(null, "availability", null);
        Tally october = SlaMeasurement.tallyFor(availability, FROM, TO, false);
        october.accept(new SlaEvent(
                1,
                "incident.opened",
                Instant.parse("2026-10-31T23:00:00Z"),
                Map.of("incidentId", "i1", "priority", "P1", "outage", true)));
        Instant novemberEnd = Instant.parse("2026-12-01T00:00:00Z");
        Tally november = SlaMeasurement.tallyFor(availability, TO, novemberEnd, false);
        november.carryOver(october);
        november.accept(new SlaEvent(
                2, "incident.resolved", Instant.parse("2026-11-01T02:00:00Z"), Map.of("incidentId", "i1")));

        // One hour in October (44,640 minutes), two in November (43,200 minutes).
        assertThat(october.figure(TO).value()).isCloseTo(100.0 * (44_640 - 60) / 44_640, within());
        assertThat(november.figure(novemberEnd).value()).isCloseTo(100.0 * (43_200 - 120) / 43_200, within());
    }

    @Test
    void theSlaSaysWhatIsExcluded() {
        List<SlaEvent> events = List.of(
                new SlaEvent(
                        1,
                        "maintenance.announced",
                        Instant.parse("2026-10-01T00:00:00Z"),
                        Map.of("windowId", "w", "startsAt", "2026-10-05T00:00:00Z", "endsAt", "2026-10-05T02:00:00Z")),
                new SlaEvent(
                        2,
                        "incident.opened",
                        Instant.parse("2026-10-05T00:00:00Z"),
                        Map.of("incidentId", "i1", "priority", "P1", "outage", true)),
                new SlaEvent(3, "incident.resolved", Instant.parse("2026-10-05T02:00:00Z"), Map.of("incidentId", "i1")),
                new SlaEvent(
                        4,
                        "incident.opened",
                        Instant.parse("2026-10-10T00:00:00Z"),
                        Map.of("incidentId", "i2", "priority", "P1", "outage", true, "cause", "customer")),
                new SlaEvent(5, "incident.resolved", Instant.parse("2026-10-10T01:00:00Z"), Map.of("incidentId", "i2")),
                new SlaEvent(6, "heartbeat", Instant.parse("2026-10-20T00:00:00Z"), Map.of("status", "down")),
                new SlaEvent(7, "heartbeat", Instant.parse("2026-10-20T00:30:00Z"), Map.of("status", "down")),
                new SlaEvent(8, "heartbeat", Instant.parse("2026-10-20T01:00:00Z"), Map.of("status", "up")));
        double minutes = 44_640;
        // Default: announced maintenance is excluded, customer-caused outages count, heartbeats down count.
        assertThat(value(null, events)).isCloseTo(100 * (minutes - 120 - 60 - 60) / (minutes - 120), within());
        // Customer-caused incidents excluded as well.
        assertThat(value("announced maintenance; customer-caused incidents", events))
                .isCloseTo(100 * (minutes - 120 - 60) / (minutes - 120), within());
        // Nothing excluded: the maintenance outage counts against the whole month.
        assertThat(value("none", events)).isCloseTo(100 * (minutes - 120 - 60 - 60) / minutes, within());
    }

    private static double value(String exclusions, List<SlaEvent> events) {
        return SlaMeasurement.measure(List.of(slo(null, "availability", exclusions)), events, FROM, TO)
                .get(0)
                .value();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.001);
    }
}
