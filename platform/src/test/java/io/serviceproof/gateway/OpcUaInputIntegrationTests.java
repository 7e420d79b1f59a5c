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
 * The gateway reading a machine over OPC UA (issue 19): an in-process Milo server plays an
 * inspection cell; the gateway's input subscribes over Basic256Sha256, and what the cell writes
 * arrives in the spool as events the gateway signed. A server certificate the operator has not
 * pinned is refused and reported; a cell that restarts is subscribed to again. Its alarms are in
 * OpcUaAlarmsIntegrationTests.
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
            SpooledEvents.await(() -> input.subscribed, "subscribed; last error " + input.lastError);

            for (int i = 1; i <= 5; i++) {
                cell.write("PartId", "P-" + i, T0.plusSeconds(i));
                cell.write("LatencyMs", 40.0 + i, T0.plusSeconds(i));
                cell.write("Verdict", i == 3 ? "fail" : "pass", T0.plusSeconds(i));
                Thread.sleep(120); // the cell's cycle: slower than the publishing interval
            }
            SpooledEvents.await(
                    () -> spool.pendingRecords() >= 5, "five verdicts spooled; last error " + input.lastError);
            Thread.sleep(500);

            List<Map<String, Object>> events = SpooledEvents.read(spool);
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
            assertThat(SpooledEvents.payload(events.get(2)))
                    .containsEntry("verdict", "fail")
                    .containsEntry("partId", "P-3")
                    .containsKey("latencyMs");
            // Signed by the gateway's device key, verifiable offline as the log verifier does.
            assertThat(SpooledEvents.signedBy(key, events)).isEqualTo(5);
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
            SpooledEvents.await(() -> input.refusedServerCertificate != null, "the certificate refused");

            assertThat(input.refusedServerCertificate).isEqualTo(cell.fingerprint());
            SpooledEvents.await(() -> input.lastError != null, "the refusal reported");
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
            SpooledEvents.await(() -> input.subscribed, "subscribed; last error " + input.lastError);
            cell.write("Verdict", "pass", T0.plusSeconds(1));
            SpooledEvents.await(() -> spool.pendingRecords() == 1, "the first verdict spooled");

            cell.stop();
            cell.start(); // a power cycle: no values, no subscriptions
            cell.write("Verdict", "fail", T0.plusSeconds(2));
            SpooledEvents.await(
                    () -> spool.pendingRecords() >= 2, "a verdict after the restart; last error " + input.lastError);

            List<Map<String, Object>> events = SpooledEvents.read(spool);
            assertThat(events)
                    .extracting(e -> SpooledEvents.payload(e).get("verdict"))
                    .containsExactly("pass", "fail");
            assertThat(events).extracting(e -> e.get("eventId")).doesNotHaveDuplicates();
        }
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
}
