package io.serviceproof.ingest;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.MasterKey;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The live subscriptions: one MQTT client per enabled connection, on every server node. Messages
 * arrive with QoS 1 and are acknowledged manually, only once their events are durably in the log;
 * until then the broker keeps them, and after a disconnect (its restart, ours) it sends them again,
 * which the log takes as idempotent retries. The client's in-flight window (receive maximum) bounds
 * what waits here, so a slow log slows the broker down instead of filling memory.
 */
@Component
class MqttSubscribers {

    private static final Logger log = LoggerFactory.getLogger(MqttSubscribers.class);

    /** How long the broker keeps the session (and queued QoS 1 messages) while this server is away. */
    static final long SESSION_EXPIRY_SECONDS = TimeUnit.DAYS.toSeconds(7);

    private final MqttConnectionRows rows;
    private final Ledger ledger;
    private final MqttSecrets secrets;
    private final Clock clock;
    private final Map<String, Handle> running = new ConcurrentHashMap<>();
    private final LoggedMessageCounts counts = new LoggedMessageCounts();
    /**
     * Where messages are mapped and their signatures checked: a thread per core, shared by every
     * connection, rather than the client's network thread, which then only reads the socket. The
     * client calls one handler at a time per connection, so a connection's messages are still
     * logged in the order they came. A handler waits when the log's queue is full (GroupCommitter).
     */
    private final java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), io.serviceproof.common.DaemonThreads.numbered("mqtt-ingest"));

    MqttSubscribers(MqttConnectionRows rows, Ledger ledger, MasterKey masterKey, Clock clock) {
        this.rows = rows;
        this.ledger = ledger;
        this.secrets = new MqttSecrets(masterKey);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startAll() {
        for (MqttConnectionRows.Enabled enabled : rows.enabled()) {
            start(enabled);
        }
    }

    /** Writes the counts of logged messages, once a second rather than once a message. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 1000)
    void flushCounts() {
        counts.drain((id, messages, lastLoggedAt) -> rows.received(id, messages, clock.instant(), lastLoggedAt));
    }

    /** A running client: whether it is connected now, and how to stop it. */
    private record Handle(java.util.function.BooleanSupplier connected, Runnable stop) {}

    /**
     * Starts one connection's client without waiting for the broker: it connects, and after any loss
     * reconnects, in the background (0.2 s to 10 s apart), and subscribes each time it is connected.
     * Why it is not connected is recorded on the connection.
     */
    void start(MqttConnectionRows.Enabled enabled) {
        MqttConnection c = enabled.connection();
        stop(c.id());
        try {
            running.put(c.id(), c.mqttVersion() == 3 ? startV3(enabled) : startV5(enabled));
        } catch (RuntimeException e) {
            log.warn("MQTT connection '{}' to {} cannot start: {}", c.name(), c.brokerUri(), e.toString());
            rows.failing(c.id(), "cannot start: " + e.getMessage());
        }
    }

    void stop(String connectionId) {
        Handle handle = running.remove(connectionId);
        if (handle != null) {
            handle.stop().run();
        }
    }

    boolean connected(String connectionId) {
        Handle handle = running.get(connectionId);
        return handle != null && handle.connected().getAsBoolean();
    }

    @PreDestroy
    void stopAll() {
        List.copyOf(running.keySet()).forEach(this::stop);
        // Unacknowledged messages stay with the broker, which sends them again on the next connect.
        handlers.shutdownNow();
    }

    private Handle startV5(MqttConnectionRows.Enabled enabled) {
        Link link = new Link();
        Mqtt5AsyncClient client = builder(enabled, link).useMqttVersion5().buildAsync();
        link.subscribe = () -> client.subscribeWith()
                .topicFilter(enabled.connection().subscription())
                .qos(MqttQos.AT_LEAST_ONCE)
                .send();
        client.publishes(
                MqttGlobalPublishFilter.ALL,
                publish -> ingest(
                        enabled, publish.getTopic().toString(), publish.getPayloadAsBytes(), publish::acknowledge),
                handlers,
                true);
        var connect = client.connectWith()
                .cleanStart(false)
                .sessionExpiryInterval(SESSION_EXPIRY_SECONDS)
                .restrictions()
                .receiveMaximum(MqttConnection.RECEIVE_MAXIMUM)
                .applyRestrictions();
        if (enabled.connection().username() != null) {
            connect = connect.simpleAuth()
                    .username(enabled.connection().username())
                    .password(secrets.password(enabled))
                    .applySimpleAuth();
        }
        connect.send();
        return link.handle(
                () -> client.getState().isConnected(), () -> client.disconnect().join());
    }

    private Handle startV3(MqttConnectionRows.Enabled enabled) {
        Link link = new Link();
        Mqtt3AsyncClient client = builder(enabled, link).useMqttVersion3().buildAsync();
        link.subscribe = () -> client.subscribeWith()
                .topicFilter(enabled.connection().subscription())
                .qos(MqttQos.AT_LEAST_ONCE)
                .send();
        client.publishes(
                MqttGlobalPublishFilter.ALL,
                publish -> ingest(
                        enabled, publish.getTopic().toString(), publish.getPayloadAsBytes(), publish::acknowledge),
                handlers,
                true);
        var connect = client.connectWith().cleanSession(false);
        if (enabled.connection().username() != null) {
            connect = connect.simpleAuth()
                    .username(enabled.connection().username())
                    .password(secrets.password(enabled))
                    .applySimpleAuth();
        }
        connect.send();
        return link.handle(
                () -> client.getState().isConnected(), () -> client.disconnect().join());
    }

    /**
     * What both protocol versions share: where the broker is, reconnecting in the background (0.2 s
     * to 10 s apart), subscribing on every connect, and recording why the client is not connected.
     */
    private com.hivemq.client.mqtt.MqttClientBuilder builder(MqttConnectionRows.Enabled enabled, Link link) {
        MqttConnection c = enabled.connection();
        URI broker = URI.create(c.brokerUri());
        com.hivemq.client.mqtt.MqttClientBuilder builder = com.hivemq.client.mqtt.MqttClient.builder()
                .identifier(identifier(c))
                .serverHost(broker.getHost())
                .serverPort(broker.getPort())
                .automaticReconnect()
                .initialDelay(200, TimeUnit.MILLISECONDS)
                .maxDelay(10, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(context -> link.subscribe
                        .get()
                        .whenComplete((ack, failure) -> link.subscribed.set(subscribed(c, failure))))
                .addDisconnectedListener(context -> {
                    link.subscribed.set(false);
                    if (context.getSource() != com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource.USER) {
                        rows.failing(
                                c.id(), "not connected: " + context.getCause().getMessage());
                    }
                });
        if (!"ssl".equals(broker.getScheme())) {
            return builder;
        }
        MqttTls tls = secrets.tls(enabled);
        return tls.isEmpty() ? builder.sslWithDefaultConfig() : builder.sslConfig(tls.sslConfig());
    }

    /** Ties a client's listeners, built before the client, to it: how to subscribe, and whether it is. */
    private static final class Link {
        volatile java.util.function.Supplier<CompletableFuture<?>> subscribe;
        final java.util.concurrent.atomic.AtomicBoolean subscribed = new java.util.concurrent.atomic.AtomicBoolean();

        Handle handle(java.util.function.BooleanSupplier connected, Runnable disconnect) {
            return new Handle(
                    () -> subscribed.get() && connected.getAsBoolean(), () -> MqttSubscribers.disconnect(disconnect));
        }
    }

    private boolean subscribed(MqttConnection c, Throwable failure) {
        if (failure == null) {
            log.info("MQTT connection '{}' subscribed to {} at {}", c.name(), c.subscription(), c.brokerUri());
            rows.failing(c.id(), null);
            return true;
        }
        rows.failing(c.id(), "subscription refused: " + failure.getMessage());
        return false;
    }

    /**
     * In a shared group every server node subscribes with its own client id; the broker gives each
     * message to one of them. Without a group one subscriber is meant, and the id is the connection's.
     */
    private static String identifier(MqttConnection c) {
        return c.sharedGroup() == null ? c.clientId() : c.clientId() + "-" + NODE;
    }

    private static final String NODE = node();

    private static String node() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + "-"
                    + ProcessHandle.current().pid();
        } catch (java.net.UnknownHostException e) {
            return String.valueOf(ProcessHandle.current().pid());
        }
    }

    private static void disconnect(Runnable disconnect) {
        try {
            disconnect.run();
        } catch (RuntimeException e) {
            log.debug("MQTT disconnect: {}", e.toString());
        }
    }

    /**
     * One message: mapped, handed to the log, acknowledged once durable. A message that cannot be
     * mapped, or that the log refuses as bad input (a forged signature, a broken payload), is recorded
     * on the connection and acknowledged: sending it again would not change the answer. Anything
     * else (the log halted, the database away) leaves it unacknowledged, so the broker keeps it.
     */
    private void ingest(MqttConnectionRows.Enabled enabled, String topic, byte[] message, Runnable acknowledge) {
        MqttConnection c = enabled.connection();
        List<EntryDraft> drafts;
        CompletableFuture<?> logged;
        try {
            drafts = MessageMapping.drafts(c, topic, message, clock.instant());
            logged = Tenancy.callAs(
                    Actor.system(enabled.organisation(), "system:mqtt:" + c.name()), () -> ledger.submitAll(drafts));
        } catch (InvalidInputException | ConflictException e) {
            refuse(c, topic, e, acknowledge);
            return;
        } catch (RuntimeException e) {
            rows.failing(c.id(), "not logged, the broker keeps it: " + e.getMessage());
            return;
        }
        logged.whenComplete((done, failure) -> {
            Throwable cause =
                    failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            if (cause == null) {
                acknowledge.run();
                counts.logged(c.id(), clock.millis());
            } else if (cause instanceof InvalidInputException || cause instanceof ConflictException) {
                refuse(c, topic, (RuntimeException) cause, acknowledge);
            } else {
                log.warn("MQTT message on {} not logged, left to the broker: {}", topic, cause.toString());
                rows.failing(c.id(), "not logged, the broker keeps it: " + cause.getMessage());
            }
        });
    }

    private void refuse(MqttConnection c, String topic, RuntimeException e, Runnable acknowledge) {
        rows.rejected(c.id(), topic + ": " + e.getMessage());
        acknowledge.run();
    }
}
