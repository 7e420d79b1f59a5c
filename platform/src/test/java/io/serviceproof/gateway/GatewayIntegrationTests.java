package io.serviceproof.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.serviceproof.TestTenant;
import io.serviceproof.devices.Device;
import io.serviceproof.devices.Devices;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ingest.Mosquitto;
import io.serviceproof.ledger.EntrySearch;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.ledger.LedgerEntry;
import io.serviceproof.services.Offerings;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 19's soak test of the edge gateway, bounded to well under a minute: a line publishes 3,000
 * inspection verdicts to the plant's Mosquitto while the gateway (the packaged {@code serviceproof
 * gateway}, a separate process) loses its uplink for a while and is killed with SIGKILL mid-stream,
 * then started again. Every verdict must reach the server's log exactly once, signed by the gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIntegrationTests {

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final int VERDICTS = 3_000;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void noEventIsLostOrDuplicatedThroughAnUplinkCutAndAKillDashNine() throws Exception {
        TestTenant tenant = TestTenant.create(context, "gateway");
        Actor system = Actor.system(tenant.organisation().id(), "test");
        Path gatewayDir = dir.resolve("gateway");
        String publicKey = GatewayKey.create(gatewayDir).publicKeyBase64();
        Device device = Tenancy.callAs(system, () -> {
            Offerings offerings = context.getBean(Offerings.class);
            String offering =
                    offerings.createOffering("Line 2", "", "", List.of("VN")).id();
            offerings.createLayer(offering, "Remote inspection", "rqi", "ai-remote-quality-inspection", null);
            return context.getBean(Devices.class)
                    .register(new Devices.Registration("Line 2 gateway", "rqi", publicKey));
        });

        try (Mosquitto broker = new Mosquitto();
                CuttableLink uplink = new CuttableLink(port)) {
            int statusPort = freePort();
            Path config = dir.resolve("gateway.yaml");
            Files.writeString(config, """
                    server: http://127.0.0.1:%d
                    token: %s
                    dir: %s
                    serviceLayerId: rqi
                    status: 127.0.0.1:%d
                    heartbeatSeconds: 1
                    mqtt:
                      - broker: %s
                        topicFilter: line2/#
                        eventType: inspection.verdict
                        eventIdPointer: /id
                        occurredAtPointer: /ts
                        payloadPointer: /data
                    """.formatted(
                            uplink.port(), tenant.token(Role.ENGINEER), gatewayDir, statusPort, broker.uri()));
            Process gateway = startGateway(config, statusPort);
            // Until the gateway's first subscription, the broker has no session to keep messages in.
            awaitStatus(statusPort, "\"subscribed\":true");
            String beforeKill = null;

            Mqtt5AsyncClient line = Mqtt5Client.builder()
                    .identifier("line2-camera")
                    .serverHost("127.0.0.1")
                    .serverPort(broker.port())
                    .buildAsync();
            line.connect().join();
            Instant base = Instant.parse("2026-12-01T08:00:00Z");
            for (int i = 1; i <= VERDICTS; i++) {
                String message = "{\"id\":\"v-%d\",\"ts\":\"%s\",\"data\":{\"verdict\":\"%s\",\"partId\":\"P%d\"}}"
                        .formatted(i, base.plusSeconds(i), i % 40 == 0 ? "fail" : "pass", i);
                line.publishWith()
                        .topic("line2/camera")
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .payload(message.getBytes(StandardCharsets.UTF_8))
                        .send()
                        .join();
                if (i == 600) {
                    uplink.cut(); // the plant's uplink fails; the gateway keeps taking and spooling
                }
                if (i == 1_400) {
                    // With the uplink down, what the gateway took is on its disk only; then kill -9.
                    beforeKill = awaitStatus(statusPort, "\"backlogEvents\"");
                    assertThat(backlog(beforeKill)).isPositive();
                    gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                if (i == 1_800) {
                    gateway = startGateway(config, statusPort); // the broker held what arrived meanwhile
                }
                if (i == 2_200) {
                    uplink.restore();
                }
                if (i % 100 == 0) {
                    Thread.sleep(40); // about 2,500 verdicts a second, as bursts from a line
                }
            }
            line.disconnect().join();

            List<LedgerEntry> logged = awaitVerdicts(system, Duration.ofSeconds(120));
            Set<String> ids = new HashSet<>();
            logged.forEach(e -> ids.add(e.eventId()));
            String killedStatus = beforeKill;
            assertThat(logged.size())
                    .as(() -> "every verdict logged once, none lost, none twice; missing " + missing(ids)
                            + " (looked up one by one, the log has " + foundById(system, ids) + " of them)"
                            + "; gateway status before the kill " + killedStatus + ", now " + status(statusPort)
                            + "; log:\n" + tail(gatewayLog()))
                    .isEqualTo(VERDICTS);
            assertThat(ids).hasSize(VERDICTS).contains("v-1", "v-600", "v-1400", "v-1800", "v-3000");
            assertThat(logged)
                    .allSatisfy(e -> assertThat(new String(e.canonical(), StandardCharsets.UTF_8))
                            .contains("\"keyId\":\"" + device.keyId() + "\""));
            String status = awaitStatus(statusPort, "\"backlogEvents\":0");
            assertThat(status).contains("\"keyId\":\"" + device.keyId() + "\"");
            // The device page shows what the gateway holds, from its signed heartbeats: nothing, now.
            Device seen = device;
            for (int i = 0; i < 50 && (seen.lastBacklog() == null || seen.lastBacklog() != 0); i++) {
                Thread.sleep(100);
                seen = Tenancy.callAs(
                        system, () -> context.getBean(Devices.class).device(device.id()));
            }
            assertThat(seen.lastBacklog()).isZero();
            assertThat(seen.signedEvents()).isGreaterThanOrEqualTo(VERDICTS);
            assertThat(seen.lastSkewMillis()).isNotNull();
            gateway.destroy();
            gateway.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Of the verdicts the search did not return, how many a lookup by event id finds (a visibility fault). */
    private String foundById(Actor system, Set<String> ids) {
        Ledger ledger = context.getBean(Ledger.class);
        int found = 0;
        for (int i = 1; i <= VERDICTS; i++) {
            String id = "v-" + i;
            if (!ids.contains(id)
                    && !Tenancy.callAs(system, () -> ledger.search(new EntrySearch(id, null, null, Long.MAX_VALUE, 1)))
                            .isEmpty()) {
                found++;
            }
        }
        return found + "";
    }

    /** The verdicts not logged, as ranges of their numbers: where in the run they were lost. */
    private static String missing(Set<String> ids) {
        StringBuilder ranges = new StringBuilder();
        int start = -1;
        for (int i = 1; i <= VERDICTS + 1; i++) {
            boolean absent = i <= VERDICTS && !ids.contains("v-" + i);
            if (absent && start < 0) {
                start = i;
            } else if (!absent && start >= 0) {
                ranges.append(ranges.length() == 0 ? "" : ", ")
                        .append(start)
                        .append('-')
                        .append(i - 1);
                start = -1;
            }
        }
        return ranges.length() == 0 ? "none" : ranges.toString();
    }

    private static String status(int statusPort) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statusPort + "/status"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return "unreachable: " + e;
        }
    }

    private static String tail(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (java.io.IOException e) {
            return "no log: " + e;
        }
        lines = lines.stream()
                .filter(l -> !l.contains(" DEBUG ") && !l.contains(" TRACE "))
                .toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Kept under target/ (not the temporary folder), so that a failed run can be read afterwards. */
    private static Path gatewayLog() {
        return Path.of("target", "gateway-soak.log");
    }

    private static long backlog(String status) {
        var m = java.util.regex.Pattern.compile("\"backlogEvents\":(\\d+)").matcher(status);
        assertThat(m.find()).as(status).isTrue();
        return Long.parseLong(m.group(1));
    }

    private Process startGateway(Path config, int statusPort) throws Exception {
        Process process = new ProcessBuilder(
                        JAVA,
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        Path.of("target", "serviceproof-exec.jar").toString(),
                        "gateway",
                        "--config",
                        config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(gatewayLog().toFile()))
                .start();
        awaitStatus(statusPort, "\"keyId\"");
        return process;
    }

    private String awaitStatus(int statusPort, String expected) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statusPort + "/status"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                if (last.contains(expected)) {
                    return last;
                }
            } catch (java.io.IOException notYet) {
                // the gateway is starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "gateway status never showed " + expected + ": " + last + "\n" + Files.readString(gatewayLog()));
    }

    private List<LedgerEntry> awaitVerdicts(Actor system, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<LedgerEntry> verdicts = List.of();
        while (System.nanoTime() < deadline) {
            verdicts = Tenancy.callAs(system, this::allVerdicts);
            if (verdicts.size() >= VERDICTS) {
                Thread.sleep(2_000); // anything past the count would be a duplicate: give it time to show
                return Tenancy.callAs(system, this::allVerdicts);
            }
            Thread.sleep(250);
        }
        return verdicts;
    }

    private List<LedgerEntry> allVerdicts() {
        Ledger ledger = context.getBean(Ledger.class);
        List<LedgerEntry> all = new java.util.ArrayList<>();
        long before = Long.MAX_VALUE;
        while (true) {
            List<LedgerEntry> page =
                    ledger.search(new EntrySearch(null, "inspection.verdict", null, before, EntrySearch.MAX_LIMIT));
            all.addAll(page);
            if (page.size() < EntrySearch.MAX_LIMIT) {
                return all;
            }
            before = page.get(page.size() - 1).index();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
