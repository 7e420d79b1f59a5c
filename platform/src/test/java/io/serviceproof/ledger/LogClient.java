package io.serviceproof.ledger;

import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.tiles.EntryBundle;
import io.serviceproof.verifier.tiles.TilePath;
import io.serviceproof.verifier.tiles.TileSource;
import io.serviceproof.verifier.tiles.Tiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A producer and reader of a running server's ledger over real HTTP, as a gateway or auditor would be. */
public final class LogClient implements TileSource {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    public LogClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Appends a batch; returns event id to index, or throws when the server did not acknowledge. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> append(List<String> eventIds) throws Exception {
        StringBuilder body = new StringBuilder("{\"entries\":[");
        for (int i = 0; i < eventIds.size(); i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"eventId\":\"")
                    .append(eventIds.get(i))
                    .append(
                            "\",\"type\":\"heartbeat\",\"occurredAt\":\"2026-11-26T08:00:00Z\",\"serviceLayerId\":\"o-and-m\","
                                    + "\"payload\":{\"machine\":\"cnc-7\",\"status\":\"up\"}}");
        }
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/ledger/entries"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                body.append("]}").toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IOException("append answered " + response.statusCode() + ": " + response.body());
        }
        Map<String, Long> acknowledged = new HashMap<>();
        Map<String, Object> json = (Map<String, Object>) Json.parse(response.body());
        for (Object result : (List<Object>) json.get("results")) {
            Map<String, Object> r = (Map<String, Object>) result;
            acknowledged.put((String) r.get("eventId"), ((Number) r.get("index")).longValue());
        }
        return acknowledged;
    }

    public String publishCheckpoint() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/ledger/checkpoints"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("publish answered " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public byte[] fetch(String path) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/logs/demo/" + path))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Every entry's producer event id, by index, read from the public entry bundles. */
    @SuppressWarnings("unchecked")
    public Map<Long, String> eventIdsByIndex(long size) throws Exception {
        Map<Long, String> ids = new HashMap<>();
        for (TilePath bundle : Tiles.entryBundles(size)) {
            List<byte[]> entries = EntryBundle.decode(fetch(bundle.path()), bundle.width());
            for (int i = 0; i < entries.size(); i++) {
                Map<String, Object> entry =
                        (Map<String, Object>) Json.parse(new String(entries.get(i), StandardCharsets.UTF_8));
                ids.put(bundle.index() * TilePath.FULL + i, (String) entry.get("eventId"));
            }
        }
        return ids;
    }
}
