package io.serviceproof.gateway;

import java.util.List;

/**
 * What {@code gateway.yaml} says: where the server is and how to reach it, the gateway's folder (key,
 * spool), the layer its events belong to, its bounds, and the local MQTT brokers and OPC UA servers
 * it reads. Example in
 * README.md, "The edge gateway".
 *
 * @param token an API token of the organisation (ENGINEER is enough), or {@code tokenFile} holding one
 * @param maxBacklogBytes the most the spool holds undelivered; beyond it upstream is not acknowledged
 * @param status the status endpoint's address, {@code host:port}
 */
record GatewayConfig(
        String server,
        String token,
        String tokenFile,
        String dir,
        String serviceLayerId,
        Long maxBacklogBytes,
        Integer batchSize,
        String status,
        Integer heartbeatSeconds,
        List<MqttSource> mqtt,
        List<OpcUaSource> opcua) {

    /**
     * A local broker and how its messages become events (as the server's MQTT connections map them).
     *
     * @param caFile for {@code ssl://}: the PEM of the broker's CA, when it is the plant's own
     * @param certificateFile for a broker that asks for a client certificate: its PEM (with
     *     intermediates), beside {@code keyFile}, the unencrypted PEM private key
     */
    record MqttSource(
            String broker,
            String topicFilter,
            String username,
            String password,
            String eventType,
            String eventIdPointer,
            String occurredAtPointer,
            String payloadPointer,
            String caFile,
            String certificateFile,
            String keyFile) {

        MqttSource(
                String broker,
                String topicFilter,
                String username,
                String password,
                String eventType,
                String eventIdPointer,
                String occurredAtPointer,
                String payloadPointer) {
            this(
                    broker,
                    topicFilter,
                    username,
                    password,
                    eventType,
                    eventIdPointer,
                    occurredAtPointer,
                    payloadPointer,
                    null,
                    null,
                    null);
        }

        /** The TLS files read and checked (MqttTls): refused at start, not at the first connection. */
        io.serviceproof.ingest.MqttTls tls() {
            try {
                return io.serviceproof.ingest.MqttTls.parse(read(caFile), read(certificateFile), read(keyFile));
            } catch (io.serviceproof.common.InvalidInputException e) {
                throw new IllegalArgumentException("mqtt " + broker + ": " + e.getMessage());
            }
        }

        private static String read(String file) {
            try {
                return file == null ? null : java.nio.file.Files.readString(java.nio.file.Path.of(file));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
            }
        }
    }

    /**
     * A local OPC UA server (a machine, a PLC, a line's aggregating server) and the value changes that
     * become events.
     *
     * @param endpoint {@code opc.tcp://host:port/path}
     * @param securityPolicy {@code Basic256Sha256} (the default: signed and encrypted, both sides
     *     authenticated by certificate) or {@code None} (no security: for tests and simulators only)
     * @param trustedServerCertificates the SHA-256 fingerprints (hex; colons and case ignored) of the
     *     server certificates this gateway trusts; any other is refused, and its fingerprint is shown in
     *     the status for the operator to check and add
     * @param publishingIntervalMs how often the server sends what changed (default 250 ms); every
     *     change is sampled at that rate and queued on the server between publishes
     * @param alarms OPC UA events (alarms and conditions, or any event the server raises) that become
     *     events of the log
     */
    record OpcUaSource(
            String endpoint,
            String securityPolicy,
            List<String> trustedServerCertificates,
            Double publishingIntervalMs,
            List<OpcUaEvent> events,
            List<OpcUaAlarm> alarms) {

        OpcUaSource {
            if (endpoint == null || !endpoint.startsWith("opc.tcp://")) {
                throw new IllegalArgumentException("opcua endpoint: opc.tcp://host:port/path");
            }
            securityPolicy = securityPolicy == null ? "Basic256Sha256" : securityPolicy;
            if (!securityPolicy.equals("Basic256Sha256") && !securityPolicy.equals("None")) {
                throw new IllegalArgumentException("opcua securityPolicy: Basic256Sha256 or None (tests only)");
            }
            trustedServerCertificates = trustedServerCertificates == null
                    ? List.of()
                    : trustedServerCertificates.stream()
                            .map(OpcUaSource::fingerprint)
                            .toList();
            publishingIntervalMs = publishingIntervalMs == null ? 250.0 : Math.max(10.0, publishingIntervalMs);
            events = events == null ? List.of() : List.copyOf(events);
            alarms = alarms == null ? List.of() : List.copyOf(alarms);
            if (events.isEmpty() && alarms.isEmpty()) {
                throw new IllegalArgumentException(
                        "opcua: give events (nodes whose changes become events) or alarms (OPC UA events), or both");
            }
        }

        static String fingerprint(String text) {
            String hex = text.replace(":", "").strip().toLowerCase(java.util.Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(
                        "opcua trustedServerCertificates: SHA-256 fingerprints, 64 hex digits: " + text);
            }
            return hex;
        }
    }

    /**
     * The OPC UA events a notifier raises (an alarm, a condition, any event type) that become events.
     * Each carries the event's source name, message, severity and OPC UA event type, and is dated by
     * the event's own time; its id comes from the event's EventId, so a republished event is one.
     *
     * <p>With {@code states}, alarms and conditions (OPC UA Part 9) become one event per transition of
     * their state instead: raised, cleared, acknowledged, confirmed, each carrying the condition's id so
     * that an SLA can measure from a raise to its clear or acknowledgement.
     *
     * @param notifier the object whose events are wanted (default {@code i=2253}, the Server object:
     *     every event of the server)
     * @param eventType the log's event type for an event that is not an alarm condition, e.g. {@code
     *     alarm.raised}; without {@code states}, for every event; with them, may be left out, and then
     *     only alarm conditions are logged
     * @param minSeverity events below this OPC UA severity (1 to 1000) are not logged (default 1); a
     *     condition once logged has all its later transitions logged, whatever their severity, so
     *     that its clear is never lost
     * @param states transition ({@code raised}, {@code cleared}, {@code acknowledged}, {@code
     *     confirmed}) to the log's event type; a transition not named is not logged
     */
    record OpcUaAlarm(String notifier, String eventType, Integer minSeverity, java.util.Map<String, String> states) {

        OpcUaAlarm {
            notifier = notifier == null || notifier.isBlank() ? "i=2253" : notifier;
            states = states == null ? java.util.Map.of() : java.util.Map.copyOf(states);
            if ((eventType == null || eventType.isBlank()) && states.isEmpty()) {
                throw new IllegalArgumentException(
                        "opcua alarms: each needs an eventType (e.g. alarm.raised) or states (e.g. raised: alarm.raised)");
            }
            eventType = eventType == null || eventType.isBlank() ? null : eventType;
            for (var state : states.entrySet()) {
                if (OpcUaConditions.Transition.of(state.getKey()) == null) {
                    throw new IllegalArgumentException("opcua alarms states: '" + state.getKey()
                            + "' is not a transition; use raised, cleared, acknowledged or confirmed");
                }
                if (state.getValue() == null || state.getValue().isBlank()) {
                    throw new IllegalArgumentException(
                            "opcua alarms states: " + state.getKey() + " needs an event type, e.g. alarm.cleared");
                }
            }
            minSeverity = minSeverity == null ? 1 : minSeverity;
            if (minSeverity < 1 || minSeverity > 1000) {
                throw new IllegalArgumentException("opcua alarms: minSeverity is an OPC UA severity, 1 to 1000");
            }
        }

        /** The event type a transition is logged as, or null when it is not logged. */
        String typeOf(OpcUaConditions.Transition transition) {
            return states.get(transition.key);
        }
    }

    /**
     * One node whose value changes become events.
     *
     * @param node the node id, e.g. {@code ns=2;s=Cell1/Verdict}
     * @param eventType the event type, e.g. {@code inspection.verdict}
     * @param field the payload field that carries the node's new value
     * @param when only a change to this value (as text) is an event, e.g. {@code true} for an alarm
     * @param with more payload fields from other nodes: field name to node id; each carries that
     *     node's latest value, including a change delivered in the same publish
     */
    record OpcUaEvent(String node, String eventType, String field, String when, java.util.Map<String, String> with) {

        OpcUaEvent {
            if (node == null || node.isBlank() || eventType == null || field == null || field.isBlank()) {
                throw new IllegalArgumentException("opcua events: each needs node, eventType and field");
            }
            with = with == null ? java.util.Map.of() : java.util.Map.copyOf(with);
        }
    }

    GatewayConfig {
        if (server == null || !(server.startsWith("https://") || server.startsWith("http://"))) {
            throw new IllegalArgumentException("server: the ServiceProof server's URL, e.g. https://proof.example.com");
        }
        if ((token == null) == (tokenFile == null)) {
            throw new IllegalArgumentException("give token or tokenFile (an API token of the organisation)");
        }
        if (dir == null || dir.isBlank()) {
            throw new IllegalArgumentException("dir: the gateway's folder (its key and its spool)");
        }
        maxBacklogBytes = maxBacklogBytes == null ? 512L * 1024 * 1024 : maxBacklogBytes;
        batchSize = batchSize == null ? 500 : Math.max(1, Math.min(batchSize, 1_000));
        status = status == null ? "127.0.0.1:9464" : status;
        heartbeatSeconds = heartbeatSeconds == null ? 30 : Math.max(1, heartbeatSeconds);
        mqtt = mqtt == null ? List.of() : List.copyOf(mqtt);
        opcua = opcua == null ? List.of() : List.copyOf(opcua);
        server = server.replaceAll("/+$", "");
    }
}
