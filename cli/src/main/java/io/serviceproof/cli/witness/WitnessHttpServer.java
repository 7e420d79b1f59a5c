package io.serviceproof.cli.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.serviceproof.verifier.witness.AddCheckpointRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The witness over HTTP: {@code POST /add-checkpoint} as c2sp.org/tlog-witness specifies, and
 * {@code GET /} answering the witness's public key. Bodies over 64 KiB are refused unread.
 */
final class WitnessHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    WitnessHttpServer(InetSocketAddress address, Witness witness, String publicKey) throws IOException {
        server = HttpServer.create(address, 64);
        server.setExecutor(workers);
        server.createContext("/add-checkpoint", exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("POST")) {
                    exchange.getResponseHeaders().set("Allow", "POST");
                    send(exchange, Witness.Response.text(405, "add-checkpoint takes a POST"));
                    return;
                }
                byte[] body = readAtMost(exchange.getRequestBody(), AddCheckpointRequest.MAX_BYTES);
                send(
                        exchange,
                        body == null
                                ? Witness.Response.text(413, "larger than " + AddCheckpointRequest.MAX_BYTES + " bytes")
                                : witness.addCheckpoint(body));
            } catch (RuntimeException e) {
                send(exchange, Witness.Response.text(500, "the witness failed: " + e.getMessage()));
            }
        });
        server.createContext("/", exchange -> {
            try (exchange) {
                send(
                        exchange,
                        exchange.getRequestURI().getPath().equals("/")
                                ? new Witness.Response(200, "text/plain; charset=utf-8", publicKey + "\n")
                                : Witness.Response.text(404, "not found"));
            }
        });
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }

    private static void send(HttpExchange exchange, Witness.Response response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
