package io.serviceproof.gateway;

import java.util.List;

/**
 * What {@code gateway.yaml} says: where the server is and how to reach it, the gateway's folder (key,
 * spool), the layer its events belong to, its bounds, and the local MQTT brokers it reads. Example in
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
        List<MqttSource> mqtt) {

    /** A local broker and how its messages become events (as the server's MQTT connections map them). */
    record MqttSource(
            String broker,
            String topicFilter,
            String username,
            String password,
            String eventType,
            String eventIdPointer,
            String occurredAtPointer,
            String payloadPointer) {}

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
        server = server.replaceAll("/+$", "");
    }
}
