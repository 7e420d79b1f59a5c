package io.serviceproof.cli;

import io.serviceproof.verifier.tiles.TileSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Fetches a log's checkpoint, tiles and entry bundles over HTTP(S) from its base URL. */
final class HttpTileSource implements TileSource {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final String base;
    private final String token;

    HttpTileSource(String baseUrl, String token) {
        this.base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.token = token;
    }

    @Override
    public byte[] fetch(String path) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (path.startsWith("tile/entries/")) {
            request.header("Accept-Encoding", "gzip");
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404 || response.statusCode() == 410) {
                throw new Withheld("the log withholds " + path + " (HTTP " + response.statusCode()
                        + "), which its checkpoint covers");
            }
            if (response.statusCode() != 200) {
                throw new IOException("GET " + base + path + " answered HTTP " + response.statusCode());
            }
            boolean gzipped = response.headers()
                    .firstValue("Content-Encoding")
                    .map(coding -> coding.equalsIgnoreCase("gzip"))
                    .orElse(false);
            return gzipped ? gunzip(response.body(), path) : response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The largest entry bundle: 256 entries of at most 65,535 bytes, each with its 2-byte length. */
    private static final int MAX_BUNDLE = 256 * (2 + 0xFFFF);

    /** Inflates a compressed bundle, refusing one that would inflate past any real bundle (a gzip bomb). */
    private static byte[] gunzip(byte[] body, String path) throws IOException {
        try (java.util.zip.GZIPInputStream in =
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            byte[] inflated = in.readNBytes(MAX_BUNDLE + 1);
            if (inflated.length > MAX_BUNDLE) {
                throw new IOException(path + " inflates past the largest possible entry bundle");
            }
            return inflated;
        }
    }

    /** A tile or bundle the checkpoint covers that the log does not serve: a failure of the log, not of the network. */
    static final class Withheld extends IOException {
        Withheld(String message) {
            super(message);
        }
    }
}
