package io.serviceproof.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.verifier.event.ProducerSignatures;
import io.serviceproof.verifier.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway reading a machine over OPC UA (issue 19): an in-process Milo server plays an
 * inspection cell; the gateway's input subscribes over Basic256Sha256, and what the cell writes
 * arrives in the spool as events the gateway signed. A server certificate the operator has not
 * pinned is refused and reported; a cell that restarts is subscribed to again.
 */
class OpcUaInputIntegrationTests {

    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void whatThePinnedCellWritesArrivesSignedInTheSpoolOverBasic256Sha256() throws Exception {
        GatewayKey key = GatewayKey.create(dir);
        OpcUaCertificate client = OpcUaCertificate.loadOrCreate(dir, key.keyId(), Clock.systemUTC());
        try (InspectionCell cell = new InspectionCell(dir.resolve("cell-pki"), client.certificate());
                Spool spool = new Spool(dir.resolve("spool"), 1 << 20);
                OpcUaInput input = input(cell, spool, key, client, "Basic256Sha256", List.of(cell.fingerprint()))) {
            input.start();
            await(() -> input.subscribed, "subscribed; last error " + input.lastError);

            for (int i = 1; i <= 5; i++) {
                cell.write("PartId", "P-" + i, T0.plusSeconds(i));
                cell.write("LatencyMs", 40.0 + i, T0.plusSeconds(i));
                cell.write("Verdict", i == 3 ? "fail" : "pass", T0.plusSeconds(i));
                Thread.sleep(120); // the cell's cycle: slower than the publishing interval
            }
            await(() -> spool.pendingRecords() >= 5, "five verdicts spooled; last error " + input.lastError);
            Thread.sleep(500);

            List<Map<String, Object>> events = records(spool);
            assertThat(events).hasSize(5);
            assertThat(events).extracting(e -> e.get("type")).containsOnly("inspection.verdict");
            assertThat(events)
                    .extracting(e -> e.get("occurredAt"))
                    .containsExactly(
                            "2026-12-05T08:00:01Z",
                            "2026-12-05T08:00:02Z",
                            "2026-12-05T08:00:03Z",
                            "2026-12-05T08:00:04Z",
                            "2026-12-05T08:00:05Z");
            assertThat(payload(events.get(2)))
                    .containsEntry("verdict", "fail")
                    .containsEntry("partId", "P-3")
                    .containsKey("latencyMs");
            // Signed by the gateway's device key, verifiable offline as the log verifier does.
            assertThat(signedByGateway(key, events)).isEqualTo(5);
        }
    }

    @Test
    void theCellsAlarmsBecomeSignedEventsOnceEachAndLowSeveritiesAreLeftOut() throws Exception {
        GatewayKey key = GatewayKey.create(dir);
        OpcUaCertificate client = OpcUaCertificate.loadOrCreate(dir, key.keyId(), Clock.systemUTC());
        try (InspectionCell cell = new InspectionCell(dir.resolve("cell-pki"), client.certificate());
                Spool spool = new Spool(dir.resolve("spool"), 1 << 20)) {
            try (OpcUaInput input = alarmsInput(
                    cell, spool, key, client, new GatewayConfig.OpcUaAlarm(null, "alarm.raised", 500, null))) {
                input.start();
                await(() -> input.subscribed, "subscribed; last error " + input.lastError);

                cell.raise(new byte[] {1}, "Camera lens obstructed", 800, T0.plusSeconds(1));
                cell.raise(new byte[] {2}, "Ambient light drifting", 200, T0.plusSeconds(2));
                cell.raise(new byte[] {3}, "Reject chute jammed", 900, T0.plusSeconds(3));
                await(() -> spool.pendingRecords() >= 2, "two alarms spooled; last error " + input.lastError);
                Thread.sleep(500);

                List<Map<String, Object>> events = records(spool);
                assertThat(events).hasSize(2);
                assertThat(events).extracting(e -> e.get("type")).containsOnly("alarm.raised");
                assertThat(events)
                        .extracting(e -> e.get("occurredAt"))
                        .containsExactly("2026-12-05T08:00:01Z", "2026-12-05T08:00:03Z");
                assertThat(payload(events.get(0)))
                        .containsEntry("message", "Camera lens obstructed")
                        .containsEntry("sourceName", "Cell1")
                        .containsEntry("severity", 800.0)
                        .containsEntry("opcuaEventType", "ns=0;i=2041");
                assertThat(events).extracting(e -> e.get("eventId")).doesNotHaveDuplicates();
                assertThat(signedByGateway(key, events)).isEqualTo(2);
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
                await(() -> input.subscribed, "subscribed; last error " + input.lastError);

                cell.condition("LensObstructed", new byte[] {1}, true, false, 800, T0.plusSeconds(1));
                cell.condition("LightDrifting", new byte[] {2}, true, false, 200, T0.plusSeconds(2));
                cell.condition("LensObstructed", new byte[] {3}, true, true, 800, T0.plusSeconds(30));
                cell.condition("LensObstructed", new byte[] {4}, false, true, 300, T0.plusSeconds(75));
                cell.condition("LightDrifting", new byte[] {5}, false, true, 200, T0.plusSeconds(80));
                await(() -> spool.pendingRecords() >= 3, "three transitions spooled; last error " + input.lastError);
                Thread.sleep(500);

                List<Map<String, Object>> events = records(spool);
                assertThat(events)
                        .extracting(e -> e.get("type"))
                        .containsExactly("alarm.raised", "alarm.acknowledged", "alarm.cleared");
                assertThat(events)
                        .extracting(e -> e.get("occurredAt"))
                        .containsExactly("2026-12-05T08:00:01Z", "2026-12-05T08:00:30Z", "2026-12-05T08:01:15Z");
                assertThat(events)
                        .allSatisfy(e -> assertThat(payload(e))
                                .containsEntry("conditionName", "LensObstructed")
                                .containsEntry(
                                        "conditionId", payload(events.get(0)).get("conditionId")))
                        .extracting(e -> e.get("eventId"))
                        .doesNotHaveDuplicates();
                assertThat(payload(events.get(0)))
                        .as("the condition's own node id, selected by an empty browse path")
                        .containsEntry("conditionId", "ns=1;s=Cell1/LensObstructed");
                assertThat(signedByGateway(key, events)).isEqualTo(3);
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
            cell.condition("ChuteJammed", new byte[] {7}, true, false, 900, T0.plusSeconds(5));
            cell.condition("LensObstructed", new byte[] {8}, true, false, 800, T0.plusSeconds(6));
            cell.condition("LensObstructed", new byte[] {9}, false, true, 800, T0.plusSeconds(9));
            // With a plain eventType too: the refresh's own RefreshStart and RefreshEnd events are not logged.
            var lifecycle = new GatewayConfig.OpcUaAlarm(
                    null, "machine.event", 500, Map.of("raised", "alarm.raised", "cleared", "alarm.cleared"));
            try (OpcUaInput input = alarmsInput(cell, spool, key, client, lifecycle)) {
                input.start();
                await(() -> input.subscribed, "subscribed; last error " + input.lastError);
                await(() -> spool.pendingRecords() >= 1, "the retained alarm spooled");
                cell.condition("ChuteJammed", new byte[] {10}, false, false, 900, T0.plusSeconds(60));
                await(() -> spool.pendingRecords() >= 2, "its clear spooled; last error " + input.lastError);
                Thread.sleep(500);

                assertThat(cell.refreshes).hasValue(1);
                List<Map<String, Object>> events = records(spool);
                assertThat(events).extracting(e -> e.get("type")).containsExactly("alarm.raised", "alarm.cleared");
                assertThat(events)
                        .extracting(e -> e.get("occurredAt"))
                        .containsExactly("2026-12-05T08:00:05Z", "2026-12-05T08:01:00Z");
                assertThat(events)
                        .allSatisfy(
                                e -> assertThat(payload(e)).containsEntry("conditionId", "ns=1;s=Cell1/ChuteJammed"));
                assertThat(input.lastError).isNull();
            }
        }
    }

    @Test
    void aServerCertificateThatIsNotPinnedIsRefusedAndItsFingerprintShown() throws Exception {
        GatewayKey key = GatewayKey.create(dir);
        OpcUaCertificate client = OpcUaCertificate.loadOrCreate(dir, key.keyId(), Clock.systemUTC());
        try (InspectionCell cell = new InspectionCell(dir.resolve("cell-pki"), client.certificate());
                Spool spool = new Spool(dir.resolve("spool"), 1 << 20);
                OpcUaInput input = input(cell, spool, key, client, "Basic256Sha256", List.of("ab".repeat(32)))) {
            input.start();
            await(() -> input.refusedServerCertificate != null, "the certificate refused");

            assertThat(input.refusedServerCertificate).isEqualTo(cell.fingerprint());
            await(() -> input.lastError != null, "the refusal reported");
            assertThat(input.lastError).contains("not in trustedServerCertificates");
            cell.write("Verdict", "pass", T0);
            Thread.sleep(1_000);
            assertThat(input.subscribed).isFalse();
            assertThat(spool.pendingRecords()).isZero();
        }
    }

    @Test
    void aCellThatRestartsIsSubscribedToAgainAndItsCurrentValueIsNotADuplicate() throws Exception {
        GatewayKey key = GatewayKey.create(dir);
        OpcUaCertificate client = OpcUaCertificate.loadOrCreate(dir, key.keyId(), Clock.systemUTC());
        try (InspectionCell cell = new InspectionCell(dir.resolve("cell-pki"), client.certificate());
                Spool spool = new Spool(dir.resolve("spool"), 1 << 20);
                OpcUaInput input = input(cell, spool, key, client, "None", List.of())) {
            input.start();
            await(() -> input.subscribed, "subscribed; last error " + input.lastError);
            cell.write("Verdict", "pass", T0.plusSeconds(1));
            await(() -> spool.pendingRecords() == 1, "the first verdict spooled");

            cell.stop();
            cell.start(); // a power cycle: no values, no subscriptions
            cell.write("Verdict", "fail", T0.plusSeconds(2));
            await(() -> spool.pendingRecords() >= 2, "a verdict after the restart; last error " + input.lastError);

            List<Map<String, Object>> events = records(spool);
            assertThat(events).extracting(e -> payload(e).get("verdict")).containsExactly("pass", "fail");
            assertThat(events).extracting(e -> e.get("eventId")).doesNotHaveDuplicates();
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

    private OpcUaInput input(
            InspectionCell cell,
            Spool spool,
            GatewayKey key,
            OpcUaCertificate client,
            String policy,
            List<String> pins) {
        var source = new GatewayConfig.OpcUaSource(
                cell.endpoint(),
                policy,
                pins,
                50.0,
                List.of(new GatewayConfig.OpcUaEvent(
                        cell.node("Verdict"),
                        "inspection.verdict",
                        "verdict",
                        null,
                        Map.of("partId", cell.node("PartId"), "latencyMs", cell.node("LatencyMs")))),
                List.of());
        return new OpcUaInput(
                source, "rqi", new Intake(spool, key, 1L << 30, Clock.systemUTC()), client, Clock.systemUTC());
    }

    /** The spooled events as the log verifier checks them, after the gateway's registration: how many verify. */
    private static long signedByGateway(GatewayKey key, List<Map<String, Object>> events) throws Exception {
        ProducerSignatures signatures = new ProducerSignatures();
        signatures.observe(0, registration(key));
        long index = 1;
        for (Map<String, Object> event : events) {
            Map<String, Object> logged = new LinkedHashMap<>(event);
            logged.put("schema", "serviceproof.io/ledger-entry/v1");
            signatures.observe(index++, logged);
        }
        return signatures.signedEntries();
    }

    private static Map<String, Object> registration(GatewayKey key) {
        return Map.of(
                "schema",
                "serviceproof.io/ledger-entry/v1",
                "type",
                ProducerSignatures.REGISTERED,
                "payload",
                Map.of("keyId", key.keyId(), "publicKey", key.publicKeyBase64(), "serviceLayerId", "rqi"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(Map<String, Object> event) {
        return (Map<String, Object>) event.get("payload");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Spool spool) throws Exception {
        List<Map<String, Object>> events = new ArrayList<>();
        for (byte[] record : spool.read(1_000, 1 << 24).records()) {
            events.add((Map<String, Object>) Json.parse(new String(record, StandardCharsets.UTF_8)));
        }
        return events;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(50);
        }
    }
}
