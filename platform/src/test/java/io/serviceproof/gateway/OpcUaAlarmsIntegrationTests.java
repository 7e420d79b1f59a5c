package io.serviceproof.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cell's alarms, read by the gateway as OPC UA events (issue 19): plain events above a minimum
 * severity, and alarm conditions (Part 9) by their transitions, including one raised before the
 * gateway subscribed, which a condition refresh brings.
 */
class OpcUaAlarmsIntegrationTests {

    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theCellsAlarmsBecomeSignedEventsOnceEachAndLowSeveritiesAreLeftOut() throws Exception {
        GatewayKey key = GatewayKey.create(dir);
        OpcUaCertificate client = OpcUaCertificate.loadOrCreate(dir, key.keyId(), Clock.systemUTC());
        try (InspectionCell cell = new InspectionCell(dir.resolve("cell-pki"), client.certificate());
                Spool spool = new Spool(dir.resolve("spool"), 1 << 20)) {
            try (OpcUaInput input = alarmsInput(
                    cell, spool, key, client, new GatewayConfig.OpcUaAlarm(null, "alarm.raised", 500, null))) {
                input.start();
                SpooledEvents.await(() -> input.subscribed, "subscribed; last error " + input.lastError);

                cell.events.raise(new byte[] {1}, "Camera lens obstructed", 800, T0.plusSeconds(1));
                cell.events.raise(new byte[] {2}, "Ambient light drifting", 200, T0.plusSeconds(2));
                cell.events.raise(new byte[] {3}, "Reject chute jammed", 900, T0.plusSeconds(3));
                SpooledEvents.await(
                        () -> spool.pendingRecords() >= 2, "two alarms spooled; last error " + input.lastError);
                Thread.sleep(500);

                List<Map<String, Object>> events = SpooledEvents.read(spool);
                assertThat(events).hasSize(2);
                assertThat(events).extracting(e -> e.get("type")).containsOnly("alarm.raised");
                assertThat(events)
                        .extracting(e -> e.get("occurredAt"))
                        .containsExactly("2026-12-05T08:00:01Z", "2026-12-05T08:00:03Z");
                assertThat(SpooledEvents.payload(events.get(0)))
                        .containsEntry("message", "Camera lens obstructed")
                        .containsEntry("sourceName", "Cell1")
                        .containsEntry("severity", 800.0)
                        .containsEntry("opcuaEventType", "ns=0;i=2041");
                assertThat(events).extracting(e -> e.get("eventId")).doesNotHaveDuplicates();
                assertThat(SpooledEvents.signedBy(key, events)).isEqualTo(2);
            }
        }
    }

    @Test
    void theCellsAlarmConditionsBecomeTheirRaiseAcknowledgementAndClearCarryingTheConditionId() throws Exception {
        GatewayKey key = GatewayKey.create(dir);
        OpcUaCertificate client = OpcUaCertificate.loadOrCreate(dir, key.keyId(), Clock.systemUTC());
        try (InspectionCell cell = new InspectionCell(dir.resolve("cell-pki"), client.certificate());
                Spool spool = new Spool(dir.resolve("spool"), 1 << 20)) {
            var lifecycle = new GatewayConfig.OpcUaAlarm(
                    null,
                    null,
                    500,
                    Map.of(
                            "raised", "alarm.raised",
                            "acknowledged", "alarm.acknowledged",
                            "cleared", "alarm.cleared"));
            try (OpcUaInput input = alarmsInput(cell, spool, key, client, lifecycle)) {
                input.start();
                SpooledEvents.await(() -> input.subscribed, "subscribed; last error " + input.lastError);

                cell.events.condition("LensObstructed", new byte[] {1}, true, false, 800, T0.plusSeconds(1));
                cell.events.condition("LightDrifting", new byte[] {2}, true, false, 200, T0.plusSeconds(2));
                cell.events.condition("LensObstructed", new byte[] {3}, true, true, 800, T0.plusSeconds(30));
                cell.events.condition("LensObstructed", new byte[] {4}, false, true, 300, T0.plusSeconds(75));
                cell.events.condition("LightDrifting", new byte[] {5}, false, true, 200, T0.plusSeconds(80));
                SpooledEvents.await(
                        () -> spool.pendingRecords() >= 3, "three transitions spooled; last error " + input.lastError);
                Thread.sleep(500);

                List<Map<String, Object>> events = SpooledEvents.read(spool);
                assertThat(events)
                        .extracting(e -> e.get("type"))
                        .containsExactly("alarm.raised", "alarm.acknowledged", "alarm.cleared");
                assertThat(events)
                        .extracting(e -> e.get("occurredAt"))
                        .containsExactly("2026-12-05T08:00:01Z", "2026-12-05T08:00:30Z", "2026-12-05T08:01:15Z");
                assertThat(events)
                        .allSatisfy(e -> assertThat(SpooledEvents.payload(e))
                                .containsEntry("conditionName", "LensObstructed")
                                .containsEntry(
                                        "conditionId",
                                        SpooledEvents.payload(events.get(0)).get("conditionId")))
                        .extracting(e -> e.get("eventId"))
                        .doesNotHaveDuplicates();
                assertThat(SpooledEvents.payload(events.get(0)))
                        .as("the condition's own node id, selected by an empty browse path")
                        .containsEntry("conditionId", "ns=1;s=Cell1/LensObstructed");
                assertThat(SpooledEvents.signedBy(key, events)).isEqualTo(3);
            }
        }
    }

    @Test
    void anAlarmRaisedBeforeTheGatewaySubscribedIsLoggedFromAConditionRefreshAtItsOwnTime() throws Exception {
        GatewayKey key = GatewayKey.create(dir);
        OpcUaCertificate client = OpcUaCertificate.loadOrCreate(dir, key.keyId(), Clock.systemUTC());
        try (InspectionCell cell = new InspectionCell(dir.resolve("cell-pki"), client.certificate());
                Spool spool = new Spool(dir.resolve("spool"), 1 << 20)) {
            // Raised, and still active, while no gateway was there; another one came and went.
            cell.events.condition("ChuteJammed", new byte[] {7}, true, false, 900, T0.plusSeconds(5));
            cell.events.condition("LensObstructed", new byte[] {8}, true, false, 800, T0.plusSeconds(6));
            cell.events.condition("LensObstructed", new byte[] {9}, false, true, 800, T0.plusSeconds(9));
            // With a plain eventType too: the refresh's own RefreshStart and RefreshEnd events are not logged.
            var lifecycle = new GatewayConfig.OpcUaAlarm(
                    null, "machine.event", 500, Map.of("raised", "alarm.raised", "cleared", "alarm.cleared"));
            try (OpcUaInput input = alarmsInput(cell, spool, key, client, lifecycle)) {
                input.start();
                SpooledEvents.await(() -> input.subscribed, "subscribed; last error " + input.lastError);
                SpooledEvents.await(() -> spool.pendingRecords() >= 1, "the retained alarm spooled");
                cell.events.condition("ChuteJammed", new byte[] {10}, false, false, 900, T0.plusSeconds(60));
                SpooledEvents.await(
                        () -> spool.pendingRecords() >= 2, "its clear spooled; last error " + input.lastError);
                Thread.sleep(500);

                assertThat(cell.events.refreshes).hasValue(1);
                List<Map<String, Object>> events = SpooledEvents.read(spool);
                assertThat(events).extracting(e -> e.get("type")).containsExactly("alarm.raised", "alarm.cleared");
                assertThat(events)
                        .extracting(e -> e.get("occurredAt"))
                        .containsExactly("2026-12-05T08:00:05Z", "2026-12-05T08:01:00Z");
                assertThat(events)
                        .allSatisfy(e -> assertThat(SpooledEvents.payload(e))
                                .containsEntry("conditionId", "ns=1;s=Cell1/ChuteJammed"));
                assertThat(input.lastError).isNull();
            }
        }
    }

    /** The gateway's input of the cell's OPC UA events, by one alarm configuration. */
    private OpcUaInput alarmsInput(
            InspectionCell cell, Spool spool, GatewayKey key, OpcUaCertificate client, GatewayConfig.OpcUaAlarm alarm) {
        var source = new GatewayConfig.OpcUaSource(
                cell.endpoint(), "Basic256Sha256", List.of(cell.fingerprint()), 50.0, List.of(), List.of(alarm));
        return new OpcUaInput(
                source, "rqi", new Intake(spool, key, 1L << 30, Clock.systemUTC()), client, Clock.systemUTC());
    }
}
