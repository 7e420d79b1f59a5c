package io.serviceproof.ingest;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.MasterKey;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** The acting organisation's MQTT connections: what is subscribed where, and how messages map to events. */
@Service
public class MqttConnections {

    /** What a connection takes; see {@link MqttConnection} for the fields. */
    public record NewConnection(
            String name,
            String brokerUri,
            Integer mqttVersion,
            String username,
            String password,
            String topicFilter,
            String sharedGroup,
            String eventType,
            String serviceLayerId,
            String eventIdPointer,
            String occurredAtPointer,
            String payloadPointer,
            String caCertificate,
            String clientCertificate,
            String clientKey) {

        /** The request as a form may show it back: without the password and the private key. */
        public NewConnection withoutSecrets() {
            return new NewConnection(
                    name,
                    brokerUri,
                    mqttVersion,
                    username,
                    null,
                    topicFilter,
                    sharedGroup,
                    eventType,
                    serviceLayerId,
                    eventIdPointer,
                    occurredAtPointer,
                    payloadPointer,
                    caCertificate,
                    clientCertificate,
                    null);
        }
    }

    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*");

    private final MqttConnectionRows rows;
    private final MqttSubscribers subscribers;
    private final MasterKey masterKey;
    private final UserActionTrail trail;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    MqttConnections(
            MqttConnectionRows rows,
            MqttSubscribers subscribers,
            MasterKey masterKey,
            UserActionTrail trail,
            Clock clock,
            org.springframework.transaction.support.TransactionTemplate transaction) {
        this.transaction = transaction;
        this.rows = rows;
        this.subscribers = subscribers;
        this.masterKey = masterKey;
        this.trail = trail;
        this.clock = clock;
    }

    public List<MqttConnection> connections() {
        return rows.all(Tenancy.organisationId());
    }

    public MqttConnection connection(String id) {
        return rows.byId(Tenancy.organisationId(), id).orElseThrow(() -> new NotFoundException("MQTT connection", id));
    }

    /** Whether this server node holds a live subscription for the connection. */
    public boolean subscribed(String id) {
        connection(id);
        return subscribers.connected(id);
    }

    /** Records the connection and subscribes at once; a broker that cannot be reached is reported on it. */
    public MqttConnection create(NewConnection request) {
        OrganisationId organisation = Tenancy.organisationId();
        String name = required(request.name(), "name", 200);
        if (rows.nameTaken(organisation, name)) {
            throw new ConflictException(Phrase.of("error.mqtt.duplicate", name));
        }
        String broker = broker(request.brokerUri());
        int version = request.mqttVersion() == null ? 5 : request.mqttVersion();
        if (version != 3 && version != 5) {
            throw new InvalidInputException("mqttVersion", Phrase.of("error.mqtt.version"));
        }
        String filter = required(request.topicFilter(), "topicFilter", 500);
        if (filter.startsWith("$share/")) {
            throw new InvalidInputException("topicFilter", Phrase.of("error.mqtt.share"));
        }
        String group = blankToNull(request.sharedGroup());
        if (group != null && !GROUP.matcher(group).matches()) {
            throw new InvalidInputException("sharedGroup", Phrase.of("error.mqtt.group"));
        }
        String type = blankToNull(request.eventType());
        if (type != null && (!TYPE.matcher(type).matches() || type.startsWith("device."))) {
            throw new InvalidInputException("eventType", Phrase.of("error.mqtt.type"));
        }
        String idPointer = pointer(request.eventIdPointer(), "eventIdPointer");
        String atPointer = pointer(request.occurredAtPointer(), "occurredAtPointer");
        String payloadPointer = pointer(request.payloadPointer(), "payloadPointer");
        if (type == null && (idPointer != null || atPointer != null || payloadPointer != null)) {
            throw new InvalidInputException("eventType", Phrase.of("error.mqtt.type.needed"));
        }
        MqttTls tls = MqttTls.parse(request.caCertificate(), request.clientCertificate(), request.clientKey());
        if (!tls.isEmpty() && !broker.startsWith("ssl://")) {
            throw new InvalidInputException("brokerUri", Phrase.of("error.mqtt.tls.scheme"));
        }
        String id = UUID.randomUUID().toString();
        String username = blankToNull(request.username());
        MqttConnection connection = new MqttConnection(
                id,
                name,
                broker,
                version,
                username,
                request.password() != null && !request.password().isEmpty(),
                "serviceproof-" + id.substring(0, 8),
                filter,
                group,
                type,
                blankToNull(request.serviceLayerId()),
                idPointer,
                atPointer,
                payloadPointer,
                true,
                Tenancy.actor().name(),
                clock.instant(),
                0,
                0,
                null,
                null,
                tls.isEmpty() ? null : tls.summary());
        String sealed = connection.hasPassword()
                ? Base64.getEncoder()
                        .encodeToString(masterKey.seal(
                                request.password().getBytes(StandardCharsets.UTF_8), sealingContext(organisation, id)))
                : null;
        // Recorded first, then connected outside the transaction: a slow broker never holds the database.
        transaction.executeWithoutResult(status -> {
            rows.insert(organisation, connection, sealed, storedTls(request, tls, organisation, id));
            trail.record(
                    "mqtt.connection-created",
                    "mqtt-connection",
                    id,
                    name + ": " + broker + " " + connection.subscription());
        });
        rows.enabled(organisation, id).ifPresent(subscribers::start);
        return connection(id);
    }

    public MqttConnection enable(String id, boolean enabled) {
        MqttConnection connection = connection(id);
        transaction.executeWithoutResult(status -> {
            rows.setEnabled(Tenancy.organisationId(), id, enabled);
            trail.record(
                    enabled ? "mqtt.connection-enabled" : "mqtt.connection-disabled",
                    "mqtt-connection",
                    id,
                    connection.name());
        });
        if (enabled) {
            rows.enabled(Tenancy.organisationId(), id).ifPresent(subscribers::start);
        } else {
            subscribers.stop(id);
        }
        return connection(id);
    }

    /** The PEM as given (it parsed), the client key sealed under its own context. */
    private MqttConnectionRows.Tls storedTls(
            NewConnection request, MqttTls tls, OrganisationId organisation, String id) {
        if (tls.isEmpty()) {
            return MqttConnectionRows.Tls.NONE;
        }
        String key = tls.key() == null
                ? null
                : Base64.getEncoder()
                        .encodeToString(masterKey.seal(
                                request.clientKey().strip().getBytes(StandardCharsets.US_ASCII),
                                keySealingContext(organisation, id)));
        return new MqttConnectionRows.Tls(
                blankToNull(request.caCertificate()), blankToNull(request.clientCertificate()), key);
    }

    static String keySealingContext(OrganisationId organisation, String id) {
        return "mqtt-tls-key:" + organisation + ":" + id;
    }

    static String sealingContext(MqttConnectionRows.Enabled enabled) {
        return sealingContext(enabled.organisation(), enabled.connection().id());
    }

    private static String sealingContext(OrganisationId organisation, String id) {
        return "mqtt-password:" + organisation + ":" + id;
    }

    private static String broker(String text) {
        String uri = required(text, "brokerUri", 500);
        try {
            URI parsed = new URI(uri);
            if (!("tcp".equals(parsed.getScheme()) || "ssl".equals(parsed.getScheme()))
                    || parsed.getHost() == null
                    || parsed.getPort() < 1
                    || (parsed.getPath() != null && !parsed.getPath().isEmpty())) {
                throw new InvalidInputException("brokerUri", Phrase.of("error.mqtt.broker"));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("brokerUri", Phrase.of("error.mqtt.broker"));
        }
    }

    private static String pointer(String text, String field) {
        String pointer = blankToNull(text);
        if (pointer != null && !pointer.startsWith("/")) {
            throw new InvalidInputException(field, Phrase.of("error.pointer"));
        }
        return pointer;
    }

    private static String required(String text, String field, int max) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.length() > max) {
            throw new InvalidInputException(field, Phrase.of("error.length", max));
        }
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
