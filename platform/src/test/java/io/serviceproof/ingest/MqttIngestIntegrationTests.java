package io.serviceproof.ingest;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.serviceproof.TestTenant;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.Ledger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19, MQTT: against a real Mosquitto, events published with QoS 1 are logged and acknowledged
 * only once durable; a broker restart mid-stream and a stopped subscription lose nothing and log
 * nothing twice; messages that cannot be events are counted and refused, and block nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MqttIngestIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    TestTenant tenant;
    Mosquitto broker;
    Mqtt5AsyncClient publisher;

    @BeforeEach
    void broker() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Mosquitto.BINARY),
                "mosquitto is not installed (apt-get install mosquitto; .ci/run does)");
        tenant = TestTenant.create(context, "mqtt");
        broker = new Mosquitto();
        // A plant-side publisher with a persistent session, as a gateway would have: what the broker has
        // not acknowledged is sent again after a reconnect.
        publisher = Mqtt5Client.builder()
                .identifier("plant-" + UUID.randomUUID().toString().substring(0, 8))
                .serverHost("127.0.0.1")
                .serverPort(broker.port())
                .automaticReconnect()
                .initialDelay(100, TimeUnit.MILLISECONDS)
                .maxDelay(1, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .buildAsync();
        publisher
                .connectWith()
                .cleanStart(false)
                .sessionExpiryInterval(3600)
                .send()
                .join();
    }

    @AfterEach
    void stop() throws Exception {
        if (publisher != null) {
            publisher.disconnect().exceptionally(e -> null).join();
        }
        if (tenant != null) {
            for (JsonNode c : list()) {
                send("/api/v1/mqtt-connections/" + c.get("id").asString() + "/enabled", "{\"enabled\":false}", 200);
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void entriesPublishedWithQos1AreLoggedOnceEvenAcrossABrokerRestartAndAStoppedSubscription() throws Exception {
        String id = create("{\"name\":\"Line 2 broker\",\"brokerUri\":\"" + broker.uri()
                        + "\",\"topicFilter\":\"plant/line2/#\"}")
                .get("id")
                .asString();
        long before = logSize();

        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sent.add(publish("plant/line2/verdicts", entry("m-" + i)));
            if (i == 300) {
                broker.restart();
            }
        }
        waitFor(
                () -> logSize() >= before + 1000,
                Duration.ofSeconds(60),
                () -> "logged " + (logSize() - before) + " of 1000; connection " + connection(id));

        // The subscription stopped (the server away): the broker keeps what arrives meanwhile. (Stopping
        // and resuming are recorded acts, each one entry of the log.)
        send("/api/v1/mqtt-connections/" + id + "/enabled", "{\"enabled\":false}", 200);
        long stopped = logSize();
        assertThat(stopped)
                .as("the first 1,000 once each, across the broker's restart")
                .isEqualTo(before + 1000 + 1);
        for (int i = 1000; i < 1200; i++) {
            sent.add(publish("plant/line2/verdicts", entry("m-" + i)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertThat(logSize()).as("nothing logged while stopped").isEqualTo(stopped);
        send("/api/v1/mqtt-connections/" + id + "/enabled", "{\"enabled\":true}", 200);
        waitFor(
                () -> logSize() >= stopped + 1 + 200,
                Duration.ofSeconds(60),
                () -> "logged " + (logSize() - stopped - 1) + " of 200; connection " + connection(id));

        Thread.sleep(1500);
        assertThat(logSize())
                .as("every message logged once, none lost, none twice (and the two recorded acts)")
                .isEqualTo(before + 1200 + 2);
        for (int i : new int[] {0, 300, 301, 999, 1000, 1199}) {
            mvc.perform(get("/api/v1/ledger/entries")
                            .param("eventId", "m-" + i)
                            .with(bearer(tenant.token(Role.AUDITOR))))
                    .andExpect(status().isOk())
                    .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                            .contains("\"m-" + i + "\""));
        }
        waitFor(() -> connection(id).get("received").asLong() >= 1200, Duration.ofSeconds(10));
    }

    @Test
    void rawJsonIsMappedByPointersOverMqtt311AndBadMessagesAreRefusedWithoutBlockingTheRest() throws Exception {
        String id = create("{\"name\":\"Camera topics\",\"brokerUri\":\"" + broker.uri() + "\",\"mqttVersion\":3,"
                        + "\"topicFilter\":\"cam/+/verdict\",\"eventType\":\"inspection.verdict\","
                        + "\"serviceLayerId\":\"rqi\",\"eventIdPointer\":\"/seq\",\"occurredAtPointer\":\"/ts\","
                        + "\"payloadPointer\":\"/data\"}")
                .get("id")
                .asString();
        long before = logSize();
        publish(
                        "cam/7/verdict",
                        "{\"seq\":\"cam7-1\",\"ts\":\"2026-11-03T15:15:00+07:00\","
                                + "\"data\":{\"verdict\":\"fail\",\"latencyMs\":312}}")
                .get(10, TimeUnit.SECONDS);
        publish("cam/7/verdict", "not json").get(10, TimeUnit.SECONDS);
        publish(
                        "cam/7/verdict",
                        "{\"seq\":\"cam7-2\",\"ts\":\"2026-11-03T08:16:00Z\",\"data\":{\"verdict\":\"maybe\"}}")
                .get(10, TimeUnit.SECONDS);
        publish("cam/7/verdict", "{\"seq\":\"cam7-3\",\"ts\":\"2026-11-03T08:17:00Z\",\"data\":{\"verdict\":\"pass\"}}")
                .get(10, TimeUnit.SECONDS);
        waitFor(() -> logSize() >= before + 2, Duration.ofSeconds(20));
        waitFor(() -> connection(id).get("rejected").asLong() >= 2, Duration.ofSeconds(10));

        JsonNode logged = json.readTree(mvc.perform(get("/api/v1/ledger/entries")
                        .param("eventId", "cam7-1")
                        .with(bearer(tenant.token(Role.AUDITOR))))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(logged.get(0).get("occurredAt").asString()).isEqualTo("2026-11-03T08:15:00Z");
        assertThat(logged.get(0).get("serviceLayerId").asString()).isEqualTo("rqi");
        // Messages are handled on a thread per core: either refusal may be the last one recorded, and
        // the good message after them does not clear it (it was a refusal, not a broken connection).
        Thread.sleep(1_500); // past the next write of the counts
        assertThat(connection(id).get("lastError").asString()).containsAnyOf("verdict", "not JSON");
        assertThat(logSize()).isEqualTo(before + 2);
    }

    @Test
    void aConnectionIsValidatedAndItsPasswordNeverShown() throws Exception {
        send("/api/v1/mqtt-connections", "{\"name\":\"x\",\"brokerUri\":\"http://broker\",\"topicFilter\":\"a\"}", 400);
        send(
                "/api/v1/mqtt-connections",
                "{\"name\":\"x\",\"brokerUri\":\"" + broker.uri() + "\",\"topicFilter\":\"$share/g/a\"}",
                400);
        send(
                "/api/v1/mqtt-connections",
                "{\"name\":\"x\",\"brokerUri\":\"" + broker.uri()
                        + "\",\"topicFilter\":\"a\",\"eventType\":\"device.registered\"}",
                400);
        send(
                "/api/v1/mqtt-connections",
                "{\"name\":\"x\",\"brokerUri\":\"" + broker.uri()
                        + "\",\"topicFilter\":\"a\",\"eventIdPointer\":\"/id\"}",
                400);
        mvc.perform(post("/api/v1/mqtt-connections")
                        .with(bearer(tenant.token(Role.AUDITOR)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"brokerUri\":\"" + broker.uri() + "\",\"topicFilter\":\"a\"}"))
                .andExpect(status().isForbidden());
        JsonNode created = create("{\"name\":\"With a password\",\"brokerUri\":\"" + broker.uri()
                + "\",\"topicFilter\":\"a/#\",\"username\":\"plant\",\"password\":\"s3cret-broker-pass\"}");
        assertThat(created.get("hasPassword").asBoolean()).isTrue();
        assertThat(list().toString()).doesNotContain("s3cret-broker-pass");
    }

    @Test
    void aBrokerThatAsksForAClientCertificateIsSubscribedToWithOneAndRefusesAConnectionWithout() throws Exception {
        TestPki.Issued ca = TestPki.ca("Plant 2 CA");
        TestPki.Issued server = TestPki.issue(ca, "broker.plant2", true);
        TestPki.Issued client = TestPki.issue(ca, "serviceproof-line2", false);
        try (Mosquitto secured = new Mosquitto(
                new Mosquitto.TlsListener(ca.certificatePem(), server.certificatePem(), server.keyPem()))) {
            String tlsUri = "ssl://127.0.0.1:" + secured.tlsPort();
            String id = create(connectionJson(
                            "With a certificate",
                            tlsUri,
                            ca.certificatePem(),
                            client.certificatePem(),
                            client.keyPem()))
                    .get("id")
                    .asString();
            assertThat(connection(id).get("tls").get("clientSubject").asString())
                    .isEqualTo("CN=serviceproof-line2");
            assertThat(list().toString()).doesNotContain("PRIVATE KEY");

            Mqtt5AsyncClient line = Mqtt5Client.builder()
                    .identifier("plant2-line")
                    .serverHost("127.0.0.1")
                    .serverPort(secured.port())
                    .buildAsync();
            line.connect().join();
            long before = logSize();
            line.publishWith()
                    .topic("plant2/verdicts")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(entry("tls-1").getBytes(StandardCharsets.UTF_8))
                    .send()
                    .join();
            waitFor(() -> logSize() == before + 1, Duration.ofSeconds(20));
            line.disconnect().join();

            // Trusting the broker's CA but presenting no certificate: the broker refuses the handshake,
            // and the connection says why it is not subscribed.
            String refused = send(
                            "/api/v1/mqtt-connections",
                            connectionJson("Without a certificate", tlsUri, ca.certificatePem(), null, null),
                            201)
                    .get("id")
                    .asString();
            waitFor(
                    () -> !connection(refused).path("lastError").isNull()
                            && connection(refused).path("lastError").asString().contains("not connected"),
                    Duration.ofSeconds(20),
                    () -> connection(refused).toString());
            assertThat(Tenancy.callAs(
                            Actor.system(tenant.organisation().id(), "test"),
                            () -> context.getBean(MqttConnections.class).subscribed(refused)))
                    .isFalse();
        }
    }

    @Test
    void certificatesThatCannotBeUsedAreRefusedWithTheFieldNamed() throws Exception {
        TestPki.Issued ca = TestPki.ca("Plant 3 CA");
        TestPki.Issued client = TestPki.issue(ca, "line3", false);
        TestPki.Issued other = TestPki.issue(ca, "line4", false);
        String uri = "ssl://127.0.0.1:8883";
        assertThat(problemField(connectionJson("x", uri, null, client.certificatePem(), other.keyPem())))
                .isEqualTo("clientKey");
        assertThat(problemField(connectionJson("x", uri, null, client.certificatePem(), null)))
                .isEqualTo("clientKey");
        assertThat(problemField(connectionJson("x", uri, null, null, client.keyPem())))
                .isEqualTo("clientCertificate");
        assertThat(problemField(connectionJson(
                        "x", uri, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", null, null)))
                .isEqualTo("caCertificate");
        assertThat(problemField(connectionJson("x", uri, null, client.certificatePem(), "not a key")))
                .isEqualTo("clientKey");
        assertThat(problemField(connectionJson("x", broker.uri(), ca.certificatePem(), null, null)))
                .isEqualTo("brokerUri");
        assertThat(list()).isEmpty();
    }

    private String problemField(String body) throws Exception {
        JsonNode problem = send("/api/v1/mqtt-connections", body, 400);
        return problem.toString().contains("\"field\"")
                ? problem.findValue("field").asString()
                : problem.toString();
    }

    private String connectionJson(String name, String uri, String ca, String certificate, String key) throws Exception {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", name);
        body.put("brokerUri", uri);
        body.put("topicFilter", "plant2/#");
        body.put("caCertificate", ca);
        body.put("clientCertificate", certificate);
        body.put("clientKey", key);
        return json.writeValueAsString(body);
    }

    // --- helpers ---

    CompletableFuture<?> publish(String topic, String message) {
        return publisher
                .publishWith()
                .topic(topic)
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(message.getBytes(StandardCharsets.UTF_8))
                .send();
    }

    static String entry(String id) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"inspection.verdict\",\"occurredAt\":\"" + Instant.now()
                + "\",\"serviceLayerId\":\"rqi\",\"payload\":{\"verdict\":\"pass\",\"latencyMs\":210}}";
    }

    /** Creates a connection and waits until it is subscribed (the client connects in the background). */
    JsonNode create(String body) throws Exception {
        JsonNode created = send("/api/v1/mqtt-connections", body, 201);
        String id = created.get("id").asString();
        waitFor(
                () -> Tenancy.callAs(
                        Actor.system(tenant.organisation().id(), "test"),
                        () -> context.getBean(MqttConnections.class).subscribed(id)),
                Duration.ofSeconds(20));
        return created;
    }

    JsonNode list() throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/mqtt-connections").with(bearer(tenant.token(Role.OWNER))))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    JsonNode connection(String id) {
        try {
            return json.readTree(
                    mvc.perform(get("/api/v1/mqtt-connections/" + id).with(bearer(tenant.token(Role.OWNER))))
                            .andReturn()
                            .getResponse()
                            .getContentAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode send(String path, String body, int expected) throws Exception {
        String response = mvc.perform(post(path)
                        .with(bearer(tenant.token(Role.ENGINEER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(response.isEmpty() ? "null" : response);
    }

    long logSize() {
        return Tenancy.callAs(
                Actor.system(tenant.organisation().id(), "test"),
                () -> context.getBean(Ledger.class).size());
    }

    static void waitFor(BooleanSupplier condition, Duration within) throws InterruptedException {
        waitFor(condition, within, () -> "");
    }

    static void waitFor(BooleanSupplier condition, Duration within, java.util.function.Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + within + ": " + state.get());
            }
            Thread.sleep(50);
        }
    }
}
