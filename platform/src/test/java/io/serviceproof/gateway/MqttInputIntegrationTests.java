package io.serviceproof.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.serviceproof.ingest.Mosquitto;
import io.serviceproof.ingest.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's MQTT input against Debian's Mosquitto, without a server: a session the broker holds
 * with a full in-flight window (the gateway died with a thousand messages unacknowledged) drains into
 * the spool once, without a reconnect storm. CI once saw the gateway take 275,000 messages for 3,000
 * published: the broker resent the window and sent new messages beyond the receive maximum the
 * gateway had asked for, and the client's disconnect on that made the broker resend for ever.
 */
class MqttInputIntegrationTests {

    private static final int MESSAGES = 2_500;

    @TempDir
    Path dir;

    @Test
    void aSessionWithAFullInFlightWindowDrainsIntoTheSpoolOnce() throws Exception {
        drainsOnce(false);
    }

    @Test
    void aSessionWhoseConnectionDiedWithAFullInFlightWindowDrainsIntoTheSpoolOnce() throws Exception {
        drainsOnce(true);
    }

    private void drainsOnce(boolean connectionDies) throws Exception {
        GatewayKey key = GatewayKey.create(dir);
        String clientId = "serviceproof-gateway-" + key.keyId().substring("ed25519:".length());
        try (Mosquitto broker = new Mosquitto();
                CuttableLink link = new CuttableLink(broker.port());
                Spool spool = new Spool(dir.resolve("spool"), 1 << 20)) {
            // The gateway as it was before it died: subscribed on a persistent session, taking
            // messages and acknowledging none of them.
            AtomicInteger taken = new AtomicInteger();
            Mqtt5AsyncClient dying = Mqtt5Client.builder()
                    .identifier(clientId)
                    .serverHost("127.0.0.1")
                    .serverPort(link.port())
                    .buildAsync();
            dying.publishes(MqttGlobalPublishFilter.ALL, publish -> taken.incrementAndGet(), true);
            dying.connectWith()
                    .cleanStart(false)
                    .sessionExpiryInterval(TimeUnit.DAYS.toSeconds(1))
                    .send()
                    .join();
            dying.subscribeWith()
                    .topicFilter("line2/#")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send()
                    .join();
            publish(broker, MESSAGES / 2);
            for (int i = 0; i < 100 && taken.get() < 1_000; i++) {
                Thread.sleep(50);
            }
            assertThat(taken.get()).as("the broker's in-flight window is full").isGreaterThanOrEqualTo(1_000);
            if (connectionDies) {
                link.cut(); // as kill -9 leaves it: no DISCONNECT, the socket just closes
            } else {
                dying.disconnect().join();
            }
            publish(broker, MESSAGES / 2, MESSAGES / 2); // the line goes on while the gateway is away

            GatewayConfig config = new GatewayConfig(
                    "http://127.0.0.1:1", "t", null, dir.toString(), "rqi", null, null, null, null, null, null);
            var source = new GatewayConfig.MqttSource(
                    broker.uri(), "line2/#", null, null, "inspection.verdict", "/id", null, "/data");
            try (MqttInput input = new MqttInput(
                    source,
                    config,
                    new Intake(spool, key, config.maxBacklogBytes(), Clock.systemUTC()),
                    key,
                    dir.resolve("rejected.jsonl"),
                    Clock.systemUTC())) {
                for (int i = 0; i < 600 && spool.pendingRecords() < MESSAGES; i++) {
                    Thread.sleep(50);
                }
                Thread.sleep(1_000); // a storm would go on taking what the broker resends
                assertThat(spool.pendingRecords())
                        .as("every message spooled once; the input took %d", input.received.get())
                        .isEqualTo(MESSAGES);
            }
        }
    }

    @Test
    void aPlantBrokerThatAsksForAClientCertificateIsReadWithTheFilesGatewayYamlNames() throws Exception {
        GatewayKey key = GatewayKey.create(dir);
        TestPki.Issued ca = TestPki.ca("Plant 2 CA");
        TestPki.Issued server = TestPki.issue(ca, "broker.plant2", true);
        TestPki.Issued client = TestPki.issue(ca, "gateway-line2", false);
        java.nio.file.Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
        java.nio.file.Files.writeString(dir.resolve("gateway.pem"), client.certificatePem());
        java.nio.file.Files.writeString(dir.resolve("gateway.key"), client.keyPem());
        GatewayConfig config = new GatewayConfig(
                "http://127.0.0.1:1", "t", null, dir.toString(), "rqi", null, null, null, null, null, null);
        try (Mosquitto broker = new Mosquitto(
                        new Mosquitto.TlsListener(ca.certificatePem(), server.certificatePem(), server.keyPem()));
                Spool spool = new Spool(dir.resolve("spool"), 1 << 20)) {
            var source = new GatewayConfig.MqttSource(
                    "ssl://127.0.0.1:" + broker.tlsPort(),
                    "line2/#",
                    null,
                    null,
                    "inspection.verdict",
                    "/id",
                    null,
                    "/data",
                    dir.resolve("ca.pem").toString(),
                    dir.resolve("gateway.pem").toString(),
                    dir.resolve("gateway.key").toString());
            try (MqttInput input = new MqttInput(
                    source,
                    config,
                    new Intake(spool, key, config.maxBacklogBytes(), Clock.systemUTC()),
                    key,
                    dir.resolve("rejected.jsonl"),
                    Clock.systemUTC())) {
                for (int i = 0; i < 200 && !input.subscribed; i++) {
                    Thread.sleep(50);
                }
                assertThat(input.subscribed)
                        .as("subscribed over TLS with the client certificate")
                        .isTrue();
                publish(broker, 3);
                for (int i = 0; i < 200 && spool.pendingRecords() < 3; i++) {
                    Thread.sleep(50);
                }
                assertThat(spool.pendingRecords()).isEqualTo(3);
            }
            // The key of another certificate is refused before anything connects.
            java.nio.file.Files.writeString(
                    dir.resolve("gateway.key"),
                    TestPki.issue(ca, "other", false).keyPem());
            org.assertj.core.api.Assertions.assertThatThrownBy(source::tls)
                    .hasMessageContaining("does not belong to the client certificate");
        }
    }

    /** The soak test's kill -9 in small: the line keeps publishing while the gateway dies and returns. */
    @Test
    void aGatewayCutOffMidStreamAndStartedAgainMissesNoMessage() throws Exception {
        GatewayKey key = GatewayKey.create(dir);
        int total = 3_000;
        Path spoolDir = dir.resolve("spool");
        GatewayConfig config = new GatewayConfig(
                "http://127.0.0.1:1", "t", null, dir.toString(), "rqi", null, null, null, null, null, null);
        try (Mosquitto broker = new Mosquitto();
                CuttableLink link = new CuttableLink(broker.port())) {
            // The first gateway reaches the broker through a link that dies as a killed process's does.
            Spool firstSpool = new Spool(spoolDir, 1 << 20);
            MqttInput first = new MqttInput(
                    source("tcp://127.0.0.1:" + link.port()),
                    config,
                    new Intake(firstSpool, key, config.maxBacklogBytes(), Clock.systemUTC()),
                    key,
                    dir.resolve("rejected.jsonl"),
                    Clock.systemUTC());
            for (int i = 0; i < 200 && !first.subscribed; i++) {
                Thread.sleep(50); // before its first subscription, the broker keeps nothing for it
            }
            assertThat(first.subscribed).isTrue();
            Spool secondSpool = null;
            MqttInput second = null;
            Mqtt5AsyncClient line = Mqtt5Client.builder()
                    .identifier("line2-camera")
                    .serverHost("127.0.0.1")
                    .serverPort(broker.port())
                    .buildAsync();
            line.connect().join();
            for (int i = 1; i <= total; i++) {
                line.publishWith()
                        .topic("line2/camera")
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .payload(("{\"id\":\"v-" + i + "\",\"data\":{\"verdict\":\"pass\"}}")
                                .getBytes(StandardCharsets.UTF_8))
                        .send()
                        .join();
                if (i == 1_400) {
                    link.cut();
                    first.close();
                    firstSpool.close();
                }
                if (i == 1_800) {
                    secondSpool = new Spool(spoolDir, 1 << 20);
                    second = new MqttInput(
                            source(broker.uri()),
                            config,
                            new Intake(secondSpool, key, config.maxBacklogBytes(), Clock.systemUTC()),
                            key,
                            dir.resolve("rejected.jsonl"),
                            Clock.systemUTC());
                }
                if (i % 100 == 0) {
                    Thread.sleep(40);
                }
            }
            line.disconnect().join();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 300 && ids.size() < total; i++) {
                Thread.sleep(100);
                ids.clear();
                for (byte[] r : secondSpool.read(100_000, 1 << 30).records()) {
                    var m = Pattern.compile("\"eventId\":\"(v-\\d+)\"").matcher(new String(r, StandardCharsets.UTF_8));
                    if (m.find()) {
                        ids.add(m.group(1));
                    }
                }
            }
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= total; i++) {
                if (!ids.contains("v-" + i)) {
                    missing.add(i);
                }
            }
            second.close();
            secondSpool.close();
            assertThat(missing)
                    .as("first took %d, second %d", first.received.get(), second.received.get())
                    .isEmpty();
        }
    }

    private static GatewayConfig.MqttSource source(String broker) {
        return new GatewayConfig.MqttSource(broker, "line2/#", null, null, "inspection.verdict", "/id", null, "/data");
    }

    private static void publish(Mosquitto broker, int count) {
        publish(broker, 0, count);
    }

    private static void publish(Mosquitto broker, int after, int count) {
        Mqtt5AsyncClient line = Mqtt5Client.builder()
                .identifier("line2-camera")
                .serverHost("127.0.0.1")
                .serverPort(broker.port())
                .buildAsync();
        line.connect().join();
        for (int i = after + 1; i <= after + count; i++) {
            line.publishWith()
                    .topic("line2/camera")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(("{\"id\":\"v-" + i + "\",\"data\":{\"verdict\":\"pass\"}}")
                            .getBytes(StandardCharsets.UTF_8))
                    .send()
                    .join();
        }
        line.disconnect().join();
    }
}
