package io.serviceproof.gateway;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.ingest.MessageMapping;
import io.serviceproof.ingest.MqttConnection;
import io.serviceproof.ledger.EntryDraft;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One local MQTT broker the gateway reads: QoS 1 on a persistent session, each message acknowledged
 * to the broker only once its events are signed and forced into the spool. While the spool is at its
 * bound, messages wait unacknowledged, so the broker holds them (back-pressure, not memory). A message
 * that can never become an event is set aside with the reason and acknowledged.
 */
final class MqttInput implements AutoCloseable {

    private final Mqtt5AsyncClient client;
    private final MqttConnection mapping;
    private final Intake intake;
    private final Path rejected;
    private final Clock clock;
    final AtomicLong received = new AtomicLong();
    volatile boolean subscribed;
    /** Messages are taken one at a time, in order, off the network thread: waiting for room blocks only this. */
    private final java.util.concurrent.ExecutorService taker = java.util.concurrent.Executors.newSingleThreadExecutor(
            io.serviceproof.common.DaemonThreads.named("gateway-mqtt"));

    MqttInput(
            GatewayConfig.MqttSource source,
            GatewayConfig config,
            Intake intake,
            GatewayKey key,
            Path rejected,
            Clock clock) {
        this.intake = intake;
        this.rejected = rejected;
        this.clock = clock;
        URI broker = URI.create(source.broker());
        String clientId = "serviceproof-gateway-" + key.keyId().substring("ed25519:".length());
        this.mapping = new MqttConnection(
                "gateway",
                source.broker(),
                source.broker(),
                5,
                source.username(),
                source.password() != null,
                clientId,
                source.topicFilter(),
                null,
                source.eventType(),
                config.serviceLayerId(),
                source.eventIdPointer(),
                source.occurredAtPointer(),
                source.payloadPointer(),
                true,
                "gateway",
                clock.instant(),
                0,
                0,
                null,
                null,
                null);
        var builder = Mqtt5Client.builder()
                .identifier(clientId)
                .serverHost(broker.getHost())
                .serverPort(broker.getPort())
                .automaticReconnect()
                .initialDelay(200, TimeUnit.MILLISECONDS)
                .maxDelay(10, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(context -> subscribe())
                .addDisconnectedListener(context -> subscribed = false);
        io.serviceproof.ingest.MqttTls tls = source.tls();
        if (!tls.isEmpty() && !"ssl".equals(broker.getScheme())) {
            throw new IllegalArgumentException("mqtt " + source.broker() + ": certificates are used only with ssl://");
        }
        this.client = (!"ssl".equals(broker.getScheme())
                        ? builder
                        : tls.isEmpty() ? builder.sslWithDefaultConfig() : builder.sslConfig(tls.sslConfig()))
                .buildAsync();
        client.publishes(
                MqttGlobalPublishFilter.ALL,
                publish -> take(publish.getTopic().toString(), publish.getPayloadAsBytes(), publish::acknowledge),
                taker,
                true);
        var connect = client.connectWith()
                .cleanStart(false)
                .sessionExpiryInterval(TimeUnit.DAYS.toSeconds(7))
                .restrictions()
                // The protocol's ceiling, as for the server's own subscriptions: a
                // lower limit is exceeded by brokers that resend a session's unacknowledged messages
                // and then send new ones on reconnect, and the client then disconnects and reconnects
                // for ever. The broker's own in-flight setting is the back-pressure window.
                .receiveMaximum(MqttConnection.RECEIVE_MAXIMUM)
                .applyRestrictions();
        if (source.username() != null) {
            connect = connect.simpleAuth()
                    .username(source.username())
                    .password(
                            source.password() == null
                                    ? new byte[0]
                                    : source.password().getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        connect.send();
    }

    /**
     * Subscribes on every connection. Until the first subscription is acknowledged the broker keeps no
     * session for the gateway, so what is published before it goes to no one: the status says when
     * the gateway is subscribed.
     */
    private void subscribe() {
        client.subscribeWith()
                .topicFilter(mapping.topicFilter())
                .qos(MqttQos.AT_LEAST_ONCE)
                .send()
                .whenComplete((ack, failure) -> subscribed = failure == null);
    }

    String broker() {
        return mapping.brokerUri();
    }

    /** Signs the message's events, forces them into the spool, and only then acknowledges. */
    private void take(String topic, byte[] message, Runnable acknowledge) {
        List<EntryDraft> drafts;
        try {
            drafts = MessageMapping.drafts(mapping, topic, message, clock.instant());
        } catch (InvalidInputException | IllegalArgumentException e) {
            setAside(topic, message, e.getMessage());
            acknowledge.run();
            return;
        }
        // Until the events are on disk the message is not acknowledged, and nothing after it is either
        // (acknowledgements go in order): a full spool or a failing disk holds the line at the broker.
        if (!intake.take(drafts)) {
            return; // stopping: not acknowledged, so the broker sends it again
        }
        received.incrementAndGet();
        acknowledge.run();
    }

    private void setAside(String topic, byte[] message, String reason) {
        String line = "{\"at\":\"" + Instant.now(clock) + "\",\"topic\":" + JsonText.quoted(topic) + ",\"reason\":"
                + JsonText.quoted(reason) + ",\"message\":\""
                + Base64.getEncoder().encodeToString(message) + "\"}\n";
        try {
            Files.writeString(
                    rejected, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // stopping anyway: unacknowledged messages stay with the broker
        }
        taker.shutdownNow();
    }
}
