package io.serviceproof.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A bounded HTTP load against {@code POST /api/v1/ledger/entries}: {@code clients} concurrent
 * producers each send {@code batches} batches of {@code batchSize} events, and the run reports
 * acknowledged events per second and batch latency percentiles. Usage:
 * {@code HttpAppendLoad <base url> <token> <clients> <batches per client> <batch size>}.
 */
public final class HttpAppendLoad {

    private HttpAppendLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: HttpAppendLoad <base url> <token> <clients> <batches per client> <batch size>");
            System.exit(2);
        }
        String base = args[0];
        if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost|\\[::1\\]")) {
            throw new IllegalArgumentException("load is only ever sent to this machine (loopback)");
        }
        int clients = Integer.parseInt(args[2]);
        int batches = Integer.parseInt(args[3]);
        int batchSize = Integer.parseInt(args[4]);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            runs.add(pool.submit(() -> {
                for (int b = 0; b < batches; b++) {
                    String body = body("load-" + start + "-" + client + "-" + b + "-", batchSize);
                    long sent = System.nanoTime();
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/ledger/entries"))
                                    .header("Authorization", "Bearer " + args[1])
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(60))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                    }
                    latenciesMicros.add((System.nanoTime() - sent) / 1000);
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        long events = (long) clients * batches * batchSize;
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        System.out.printf(
                "%d events in %d batches of %d from %d clients in %.2f s: %.0f events/s; batch latency p50 %.1f ms, p99 %.1f ms%n",
                events,
                sorted.size(),
                batchSize,
                clients,
                seconds,
                events / seconds,
                sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get((int) (sorted.size() * 0.99)) / 1000.0);
    }

    static String body(String prefix, int size) {
        StringBuilder body = new StringBuilder(size * 220).append("{\"entries\":[");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"eventId\":\"")
                    .append(prefix)
                    .append(i)
                    .append(
                            "\",\"type\":\"heartbeat\",\"occurredAt\":\"2026-11-26T08:00:00Z\",\"serviceLayerId\":\"cloud-o-and-m\",")
                    .append("\"payload\":{\"machine\":\"cnc-line-7/spindle-")
                    .append(i % 12)
                    .append("\",\"sequence\":")
                    .append(i)
                    .append(",\"status\":\"up\",\"temperatureC\":41.5}}");
        }
        return body.append("]}").toString();
    }
}
