package io.serviceproof.gateway;

import io.serviceproof.ledger.EntryDraft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pushes the spool to the server in order: a batch of entries per request, the cursor moved only once
 * the server has answered that they are durably logged. A network or server failure is retried with
 * backoff (0.5 s doubling to 30 s) for as long as it lasts; a resent batch is harmless, because the
 * log is idempotent on event ids. A batch the server refuses as bad input is sent again entry by entry:
 * the entries it refuses are set aside in {@code rejected.jsonl} with its answer, so one bad entry
 * never blocks those behind it. Heartbeats are sent live, never spooled: a heartbeat buffered for an
 * hour would misstate the gateway's clock and its liveness.
 */
final class Uplink implements Runnable {

    private final GatewayConfig config;
    private final Spool spool;
    private final GatewayKey key;
    private final String token;
    private final Path rejected;
    private final Clock clock;
    /**
     * Replaced after every failed exchange: a client whose connections were reset under it can be left
     * unusable (its selector closed), and a gateway must not retry for hours through a dead client.
     */
    private HttpClient http = newClient();

    private volatile boolean running = true;
    /** OPC UA certificate trust from the device page, synchronised with each heartbeat (or null). */
    private volatile ServerTrust trust;

    private Instant nextHeartbeat = Instant.EPOCH;

    final AtomicLong delivered = new AtomicLong();
    final AtomicLong setAside = new AtomicLong();
    final AtomicReference<Instant> lastDelivery = new AtomicReference<>();
    final AtomicReference<String> lastError = new AtomicReference<>();

    Uplink(GatewayConfig config, Spool spool, GatewayKey key, String token, Path rejected, Clock clock) {
        this.config = config;
        this.spool = spool;
        this.key = key;
        this.token = token;
        this.rejected = rejected;
        this.clock = clock;
    }

    void trustFrom(ServerTrust trust) {
        this.trust = trust;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        long backoff = 500;
        while (running) {
            try {
                heartbeatIfDue();
                Spool.Batch batch = spool.read(config.batchSize(), 8 * 1024 * 1024);
                if (batch.isEmpty()) {
                    Thread.sleep(100);
                    continue;
                }
                deliver(batch);
                backoff = 500;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                // Whatever went wrong, the uplink goes on: a thread that died here would strand the spool.
                lastError.set(clock.instant() + " " + e);
                if (!(e instanceof RetryLater)) {
                    http = newClient();
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private void deliver(Spool.Batch batch) throws IOException, InterruptedException {
        HttpResponse<String> answer = post(batch.records());
        if (accepted(answer)) {
            spool.commit(batch, batch.records().size());
            delivered(batch.records().size());
            return;
        }
        if (!badInput(answer)) {
            throw new RetryLater(answer);
        }
        // Entry by entry, committing each: only the entries the server refuses are set aside.
        for (int i = 0; i < batch.records().size(); i++) {
            HttpResponse<String> one = post(List.of(batch.records().get(i)));
            if (accepted(one)) {
                delivered(1);
            } else if (badInput(one)) {
                setAside(batch.records().get(i), one);
            } else {
                throw new RetryLater(one);
            }
            spool.commit(batch, i + 1);
        }
    }

    private void delivered(int n) {
        delivered.addAndGet(n);
        lastDelivery.set(clock.instant());
        lastError.set(null);
    }

    /** A live heartbeat, signed: the gateway is up, and how much it still holds. */
    private void heartbeatIfDue() throws InterruptedException {
        Instant now = clock.instant();
        if (now.isBefore(nextHeartbeat)) {
            return;
        }
        nextHeartbeat = now.plusSeconds(config.heartbeatSeconds());
        EntryDraft beat = new EntryDraft(
                "gateway:" + key.keyId() + ":heartbeat:" + now.toEpochMilli(),
                "heartbeat",
                now,
                config.serviceLayerId(),
                List.of(),
                Map.of(
                        "status", "up",
                        "intervalSeconds", (double) config.heartbeatSeconds(),
                        "backlog", (double) spool.pendingRecords()),
                null);
        try {
            HttpResponse<String> answer = post(List.of(key.entryJson(beat)));
            if (!accepted(answer)) {
                lastError.set(now + " heartbeat: HTTP " + answer.statusCode() + " " + answer.body());
            }
        } catch (IOException e) {
            lastError.set(now + " heartbeat: " + e.getMessage()); // dropped: the next one says it again
        }
        ServerTrust current = trust;
        if (current != null) {
            try {
                current.sync();
            } catch (IOException e) {
                lastError.set(now + " OPC UA certificate trust: " + e.getMessage()); // tried again next beat
            }
        }
    }

    private HttpResponse<String> post(List<byte[]> entries) throws IOException, InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"entries\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(entries.get(i));
        }
        body.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
        return http.send(
                HttpRequest.newBuilder(URI.create(config.server() + "/api/v1/ledger/entries"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean accepted(HttpResponse<String> answer) {
        return answer.statusCode() == 200 || answer.statusCode() == 201;
    }

    /** The server refused the content itself: sending it again cannot change the answer. */
    private static boolean badInput(HttpResponse<String> answer) {
        int status = answer.statusCode();
        return status == 400 || status == 409 || status == 413 || status == 422;
    }

    private void setAside(byte[] entry, HttpResponse<String> answer) throws IOException {
        String line = "{\"at\":\"" + clock.instant() + "\",\"status\":" + answer.statusCode() + ",\"entry\":"
                + new String(entry, StandardCharsets.UTF_8) + ",\"answer\":"
                + JsonText.quoted(answer.body()) + "}\n";
        Files.writeString(rejected, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        setAside.incrementAndGet();
    }

    /** The server is away or refuses us for now (not for the content): the batch is sent again later. */
    private static final class RetryLater extends RuntimeException {
        RetryLater(HttpResponse<String> answer) {
            super("HTTP " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(300, answer.body().length())));
        }
    }
}
