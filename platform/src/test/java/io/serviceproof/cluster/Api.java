package io.serviceproof.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A script using the API with a token, as an exporter's integration would. */
final class Api {

    /** An answer, and the node that served it. */
    record Answer(int status, byte[] bytes, String servedBy, String location) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer get(String token, String path) throws Exception {
        return send(request(token, path).GET());
    }

    Answer uploadEvidence(String token, String name, byte[] content) throws Exception {
        String boundary = "----cluster" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        for (Map.Entry<String, String> field :
                Map.of("title", "Training record", "type", "E4").entrySet()) {
            head.append("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(field.getKey())
                    .append("\"\r\n\r\n")
                    .append(field.getValue())
                    .append("\r\n");
        }
        head.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"")
                .append(name)
                .append("\"\r\n")
                .append("Content-Type: text/plain\r\n\r\n");
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        Answer answer = send(request(token, "/api/v1/evidence")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        concat(head.toString().getBytes(StandardCharsets.UTF_8), content, tail))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer;
    }

    /** The API wants a declared length (a body streamed in chunks is refused): one array. */
    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    /** Starts a background build of the newest credential's dossier; returns the build's address. */
    String startDossier(String token) throws Exception {
        String credentials = get(token, "/api/v1/credentials").body();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list =
                (List<Map<String, Object>>) io.serviceproof.verifier.json.Json.parse(credentials);
        assertThat(list).as("the demo organisation has credentials").isNotEmpty();
        Answer started =
                send(request(token, "/api/v1/credentials/" + list.get(0).get("id") + "/dossiers")
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.location();
    }

    /** Polls the build (on whichever node the balancer picks) until done; returns its zip. */
    byte[] awaitDossier(String token, String build) throws Exception {
        String state = "RUNNING";
        for (int i = 0; i < 600 && state.equals("RUNNING"); i++) {
            Thread.sleep(200);
            state = (String) Cluster.json(get(token, build).body()).get("state");
        }
        assertThat(state).as(build).isEqualTo("DONE");
        Answer file = get(token, build + "/file");
        assertThat(file.status()).isEqualTo(200);
        return file.bytes();
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60));
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("X-Served-By").orElse("?"),
                response.headers().firstValue("Location").orElse(""));
    }
}
