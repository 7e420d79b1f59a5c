package io.serviceproof.ingest;

import java.time.Instant;

/**
 * An organisation's subscription to one MQTT broker.
 *
 * @param brokerUri {@code tcp://host:port} or {@code ssl://host:port} (TLS, trusting the JVM's CAs)
 * @param sharedGroup when set, the subscription is {@code $share/<group>/<topicFilter>}: the broker gives
 *     each message to one of the server nodes subscribed in the group
 * @param eventType null: each message is a log entry, or {@code {"entries": [...]}}, in the ingest API's
 *     JSON (device signatures included); otherwise every message becomes one event of this type, read
 *     with the three JSON pointers
 * @param eventIdPointer where the producer's event id is; without one, the id is derived from the topic
 *     and the message bytes, so a redelivered message is the same event
 * @param occurredAtPointer where its RFC 3339 time is; without one, the time of arrival is used
 * @param payloadPointer the object that becomes the payload; the whole message without one
 * @param tls the private CA and client certificate it connects with (subjects, expiry), or null
 */
public record MqttConnection(
        String id,
        String name,
        String brokerUri,
        int mqttVersion,
        String username,
        boolean hasPassword,
        String clientId,
        String topicFilter,
        String sharedGroup,
        String eventType,
        String serviceLayerId,
        String eventIdPointer,
        String occurredAtPointer,
        String payloadPointer,
        boolean enabled,
        String createdBy,
        Instant createdAt,
        long received,
        long rejected,
        String lastError,
        Instant lastReceivedAt,
        MqttTls.Summary tls) {

    /**
     * Messages in flight per connection that this client accepts: the protocol's ceiling (packet
     * identifiers are 16 bits), so it can never be exceeded. A lower figure is exceeded by brokers that,
     * on reconnect, resend a persistent session's unacknowledged messages and then send new ones (seen
     * with Mosquitto 2.0); the client must then disconnect, the broker resends again, and the session
     * never drains. Back-pressure is the broker's own in-flight window, because a message is
     * acknowledged only once it is logged.
     */
    public static final int RECEIVE_MAXIMUM = 65_535;

    /** The filter as subscribed: with the shared-subscription prefix when a group is set. */
    public String subscription() {
        return sharedGroup == null ? topicFilter : "$share/" + sharedGroup + "/" + topicFilter;
    }
}
