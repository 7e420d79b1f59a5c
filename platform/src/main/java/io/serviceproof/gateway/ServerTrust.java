package io.serviceproof.gateway;

import io.serviceproof.verifier.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OPC UA server certificates a person trusted for this gateway on the server's device page
 * (besides those gateway.yaml pins). With each heartbeat the gateway reports the certificates it
 * refused since the last one, and reads which of its certificates are trusted; an OPC UA input then
 * connects to a newly trusted server, and leaves one whose trust was taken back.
 */
final class ServerTrust {

    /** A certificate an OPC UA server presented and the gateway refused. */
    record Refusal(String endpoint, String fingerprint, String subject) {}

    private final String server;
    private final String token;
    private final String keyId;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Refusal> unreported = new ConcurrentHashMap<>();
    private volatile Set<String> trusted = Set.of();
    private volatile String deviceId;

    ServerTrust(String server, String token, String keyId) {
        this.server = server;
        this.token = token;
        this.keyId = keyId;
    }

    boolean trusts(String fingerprint) {
        return trusted.contains(fingerprint);
    }

    void refused(Refusal refusal) {
        unreported.put(refusal.fingerprint(), refusal);
    }

    /** Reports what was refused and reads what is trusted; a failure leaves both for the next time. */
    void sync() throws IOException, InterruptedException {
        if (deviceId == null) {
            deviceId = findDevice();
            if (deviceId == null) {
                throw new IOException("no device of this organisation has this gateway's key " + keyId
                        + "; register it (serviceproof gateway init prints the public key)");
            }
        }
        for (Refusal refusal : List.copyOf(unreported.values())) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("endpoint", refusal.endpoint());
            body.put("fingerprint", refusal.fingerprint());
            if (refusal.subject() != null) {
                body.put("subject", refusal.subject());
            }
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/opcua-certificates"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(body))));
            if (answer.statusCode() != 202) {
                throw new IOException(
                        "reporting OPC UA certificate " + refusal.fingerprint() + ": HTTP " + answer.statusCode());
            }
            unreported.remove(refusal.fingerprint(), refusal);
        }
        HttpResponse<String> answer =
                send(HttpRequest.newBuilder(uri("/opcua-certificates")).GET());
        if (answer.statusCode() != 200) {
            throw new IOException("reading trusted OPC UA certificates: HTTP " + answer.statusCode());
        }
        Set<String> now = new HashSet<>();
        for (Object certificate : list(answer.body())) {
            Map<?, ?> c = (Map<?, ?>) certificate;
            if (Boolean.TRUE.equals(c.get("trusted"))) {
                now.add((String) c.get("fingerprint"));
            }
        }
        trusted = Set.copyOf(now);
    }

    private String findDevice() throws IOException, InterruptedException {
        HttpResponse<String> answer = send(
                HttpRequest.newBuilder(URI.create(server + "/api/v1/devices")).GET());
        if (answer.statusCode() != 200) {
            throw new IOException("reading the organisation's devices: HTTP " + answer.statusCode());
        }
        for (Object device : list(answer.body())) {
            Map<?, ?> d = (Map<?, ?>) device;
            if (keyId.equals(d.get("keyId"))) {
                return (String) d.get("id");
            }
        }
        return null;
    }

    private URI uri(String path) {
        return URI.create(server + "/api/v1/devices/" + URLEncoder.encode(deviceId, StandardCharsets.UTF_8) + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(
                request.header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<?> list(String json) throws IOException {
        try {
            return (List<?>) Json.parse(json);
        } catch (io.serviceproof.verifier.json.JsonException | ClassCastException e) {
            throw new IOException("the server's answer is not a JSON list: " + e.getMessage());
        }
    }

    private static String json(Map<String, Object> body) throws IOException {
        try {
            return Json.canonical(body);
        } catch (io.serviceproof.verifier.json.JsonException e) {
            throw new IOException(e);
        }
    }
}
