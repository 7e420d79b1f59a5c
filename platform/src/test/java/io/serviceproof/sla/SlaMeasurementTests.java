package io.serviceproof.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.services.PublishedSlo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each quantity computed from a handful of events with known answers. */
class SlaMeasurementTests {

    static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-10-31T00:00:00Z"); // 30 days = 43,200 minutes

    static PublishedSlo slo(String id, String aggregate, String quantity, String op, String threshold) {
        return new PublishedSlo(id, id, null, "month", null, "x", aggregate, quantity, op, new BigDecimal(threshold));
    }

    static SlaEvent event(long index, String type, String at, Map<String, Object> payload) {
        return new SlaEvent(index, type, Instant.parse(at), payload);
    }

    static SloResult only(List<SloResult> results) {
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void availabilityCountsOutagesOutsideAnnouncedMaintenance() {
        List<SlaEvent> events = List.of(
                // 120 minutes of outage, of which 60 fall in an announced 90-minute window.
                event(
                        1,
                        "maintenance.announced",
                        "2026-10-05T00:00:00Z",
                        Map.of("windowId", "w1", "startsAt", "2026-10-10T01:00:00Z", "endsAt", "2026-10-10T02:30:00Z")),
                event(
                        2,
                        "incident.opened",
                        "2026-10-10T00:00:00Z",
                        Map.of("incidentId", "i1", "priority", "P1", "outage", true)),
                event(3, "incident.resolved", "2026-10-10T02:00:00Z", Map.of("incidentId", "i1")),
                event(4, "incident.opened", "2026-10-12T00:00:00Z", Map.of("incidentId", "i2", "priority", "P3")));
        SloResult result = only(SlaMeasurement.measure(
                List.of(slo("availability", null, "availability", ">=", "99.9")), events, FROM, TO));
        // (43,200 − 90 − 60) / (43,200 − 90) = 99.8608...%
        assertThat(result.value()).isEqualTo(99.861);
        assertThat(result.status()).isEqualTo(SloResult.Status.BREACHED);
        assertThat(result.entries()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void latencyTakesTheNearestRankPercentile() {
        List<SlaEvent> events = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            events.add(event(
                    i,
                    "inspection.verdict",
                    "2026-10-02T00:00:00Z",
                    Map.of("verdict", "pass", "latencyMs", (double) i * 10)));
        }
        SloResult p95 = only(
                SlaMeasurement.measure(List.of(slo("latency", "p95", "latency_ms", "<=", "1000")), events, FROM, TO));
        assertThat(p95.value()).isEqualTo(950.0);
        assertThat(p95.status()).isEqualTo(SloResult.Status.MET);
        assertThat(p95.samples()).isEqualTo(100);
        assertThat(p95.entries()).hasSize(Tally.LISTED_ENTRIES);
    }

    /**
     * A warehouse SaaS's objectives each have their own events: its API latency is not an AI
     * inspection's image-to-verdict latency, and its sync delay is measured, not "not measurable".
     */
    @Test
    void aSaasLayersApiLatencyAndSyncDelayComeFromTheirOwnEvents() {
        List<SlaEvent> events = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            events.add(event(i, "api.request", "2026-10-02T00:00:00Z", Map.of("latencyMs", (double) i * 50)));
        }
        events.add(event(
                21, "inspection.verdict", "2026-10-02T00:00:00Z", Map.of("verdict", "pass", "latencyMs", 99999.0)));
        for (int d = 1; d <= 4; d++) {
            events.add(event(
                    30 + d,
                    "data-sync.report",
                    "2026-10-0" + d + "T22:00:00Z",
                    Map.of("expected", 10, "received", 10, "delayMinutes", (double) d * 2)));
        }
        List<SloResult> results = SlaMeasurement.measure(
                List.of(
                        slo("api-latency", "p95", "api_latency_ms", "<=", "500"),
                        slo("sync-delay", "p95", "sync_delay_minutes", "<=", "5")),
                events,
                FROM,
                TO);
        assertThat(results.get(0).value()).isEqualTo(950.0);
        assertThat(results.get(0).samples()).isEqualTo(20);
        assertThat(results.get(0).status()).isEqualTo(SloResult.Status.BREACHED);
        assertThat(results.get(1).value()).isEqualTo(8.0);
        assertThat(results.get(1).samples()).isEqualTo(4);
        assertThat(results.get(1).status()).isEqualTo(SloResult.Status.BREACHED);
    }

    @Test
    void falseAcceptAndRejectRatesComeFromReviews() {
        List<SlaEvent> events = List.of(
                event(1, "inspection.review", "2026-10-03T00:00:00Z", Map.of("truth", "defective", "verdict", "pass")),
                event(2, "inspection.review", "2026-10-03T00:00:00Z", Map.of("truth", "defective", "verdict", "fail")),
                event(3, "inspection.review", "2026-10-03T00:00:00Z", Map.of("truth", "defective", "verdict", "fail")),
                event(4, "inspection.review", "2026-10-03T00:00:00Z", Map.of("truth", "defective", "verdict", "fail")),
                event(5, "inspection.review", "2026-10-03T00:00:00Z", Map.of("truth", "good", "verdict", "fail")),
                event(6, "inspection.review", "2026-10-03T00:00:00Z", Map.of("truth", "good", "verdict", "pass")));
        List<SloResult> results = SlaMeasurement.measure(
                List.of(
                        slo("far", "rate", "false_accept_ppm", "<=", "500"),
                        slo("frr", "rate", "false_reject_pct", "<=", "3")),
                events,
                FROM,
                TO);
        assertThat(results.get(0).value()).isEqualTo(250_000.0);
        assertThat(results.get(0).status()).isEqualTo(SloResult.Status.BREACHED);
        // One escape in four defective parts says little: the 95 % Wilson interval is wide.
        assertThat(results.get(0).low()).isEqualTo(45_587.261);
        assertThat(results.get(0).high()).isEqualTo(699_358.157);
        assertThat(results.get(1).value()).isEqualTo(50.0);
        assertThat(results.get(1).samples()).isEqualTo(2);
    }

    @Test
    void acknowledgementTimesPairEventsById() {
        List<SlaEvent> events = List.of(
                event(1, "incident.opened", "2026-10-04T10:00:00Z", Map.of("incidentId", "a", "priority", "P1")),
                event(2, "incident.opened", "2026-10-04T11:00:00Z", Map.of("incidentId", "b", "priority", "P1")),
                event(3, "incident.acknowledged", "2026-10-04T11:20:00Z", Map.of("incidentId", "b")),
                event(4, "incident.acknowledged", "2026-10-04T10:10:00Z", Map.of("incidentId", "a")));
        SloResult result = only(SlaMeasurement.measure(
                List.of(slo("mtta", "max", "acknowledge_minutes", "<=", "15")), events, FROM, TO));
        assertThat(result.value()).isEqualTo(20.0);
        assertThat(result.status()).isEqualTo(SloResult.Status.BREACHED);
    }

    @Test
    void alarmResponseIsMeasuredFromARaiseToItsConditionsAcknowledgementAndClear() {
        List<SlaEvent> events = List.of(
                event(1, "alarm.raised", "2026-10-04T10:00:00Z", Map.of("conditionId", "ns=2;s=Lens")),
                event(2, "alarm.raised", "2026-10-04T10:05:00Z", Map.of("conditionId", "ns=2;s=Chute")),
                event(3, "alarm.acknowledged", "2026-10-04T10:09:00Z", Map.of("conditionId", "ns=2;s=Chute")),
                event(4, "alarm.acknowledged", "2026-10-04T10:12:00Z", Map.of("conditionId", "ns=2;s=Lens")),
                event(5, "alarm.cleared", "2026-10-04T10:30:00Z", Map.of("conditionId", "ns=2;s=Lens")),
                event(6, "alarm.cleared", "2026-10-04T11:00:00Z", Map.of("sourceName", "no condition id")),
                // Raised again: the next clear is measured from the new raise.
                event(7, "alarm.raised", "2026-10-05T08:00:00Z", Map.of("conditionId", "ns=2;s=Lens")),
                event(8, "alarm.cleared", "2026-10-05T08:45:00Z", Map.of("conditionId", "ns=2;s=Lens")));
        List<SloResult> results = SlaMeasurement.measure(
                List.of(
                        slo("ack", "max", "alarm_acknowledge_minutes", "<=", "10"),
                        slo("clear", "mean", "alarm_clear_minutes", "<=", "60")),
                events,
                FROM,
                TO);
        assertThat(results.get(0).value()).isEqualTo(12.0);
        assertThat(results.get(0).samples()).isEqualTo(2);
        assertThat(results.get(0).status()).isEqualTo(SloResult.Status.BREACHED);
        assertThat(results.get(1).value()).isEqualTo(37.5);
        assertThat(results.get(1).samples()).isEqualTo(2);
        assertThat(results.get(1).status()).isEqualTo(SloResult.Status.MET);
    }

    @Test
    void completenessSharesAndTheUnmeasurableAreNamed() {
        List<SlaEvent> events = List.of(
                event(1, "data-sync.report", "2026-10-05T00:00:00Z", Map.of("expected", 1000.0, "received", 990.0)),
                event(2, "data-sync.report", "2026-10-06T00:00:00Z", Map.of("expected", 1000.0, "received", 1000.0)),
                event(
                        3,
                        "remote-session.started",
                        "2026-10-06T00:00:00Z",
                        Map.of("sessionId", "s", "mfa", true, "recorded", true, "approvedBy", "plant manager")),
                event(4, "remote-session.started", "2026-10-07T00:00:00Z", Map.of("sessionId", "t", "mfa", true)));
        List<SloResult> results = SlaMeasurement.measure(
                List.of(
                        slo("completeness", "ratio", "telemetry_received", ">=", "98"),
                        slo("sessions", "ratio", "controlled_sessions", ">=", "100"),
                        slo("pallets", "p95", "pallet_moves_per_hour", ">=", "5"),
                        slo("ftf", "ratio", "first_time_fix", ">=", "80")),
                events,
                FROM,
                TO);
        assertThat(results.get(0).value()).isEqualTo(99.5);
        assertThat(results.get(0).status()).isEqualTo(SloResult.Status.MET);
        assertThat(results.get(1).value()).isEqualTo(50.0);
        assertThat(results.get(2).status()).isEqualTo(SloResult.Status.NOT_MEASURABLE);
        assertThat(results.get(3).status()).isEqualTo(SloResult.Status.NO_DATA);
    }
}
