package io.serviceproof.benchmarks;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.verifier.event.BatchSignature;
import io.serviceproof.verifier.event.EventEnvelope;
import io.serviceproof.verifier.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * MQTT ingest load: publishes {@code messages} messages of {@code events} device-signed inspection
 * verdicts each (QoS 1) to a broker the server subscribes to, and measures the time from the first
 * publish until the server's log has grown by every event (read from its checkpoint, published once a
 * second, polled every 100 ms). The events are built and signed before the clock starts; with
 * {@code -Dwarmup=<messages>}, as many messages again are sent and logged first, untimed, so that
 * what is measured is the server's sustained rate rather than its JIT compiler's. Usage:
 * {@code MqttLoad public-key} prints the device's public key (a fixed seed, for registration), and
 * {@code MqttLoad <broker port> <topic> <layer> <messages> <events per message> <server url> <token>}.
 */
public final class MqttLoad {

    private static final Pattern SIZE = Pattern.compile("\"size\"\\s*:\\s*(\\d+)");

    private MqttLoad() {}

    public static void main(String[] args) throws Exception {
        byte[] seed =
                MessageDigest.getInstance("SHA-256").digest("serviceproof mqtt load".getBytes(StandardCharsets.UTF_8));
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        if (args.length == 1 && args[0].equals("public-key")) {
            System.out.println(Base64.getEncoder().encodeToString(publicKey));
            return;
        }
        if (args.length != 7
                && !(args.length == 8 && List.of("unsigned", "batch-signed").contains(args[7]))) {
            System.err.println("usage: MqttLoad <broker port> <topic> <layer> <messages> <events per message> <url>"
                    + " <token> [unsigned|batch-signed]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        String topic = args[1];
        String layer = args[2];
        int messages = Integer.parseInt(args[3]);
        int perMessage = Integer.parseInt(args[4]);
        String server = args[5];
        String token = args[6];
        String keyId = EventEnvelope.keyId(publicKey);
        boolean sign = args.length == 7;
        boolean batchSign = args.length == 8 && args[7].equals("batch-signed");

        long buildStart = System.nanoTime();
        String run = Long.toString(System.currentTimeMillis(), 36);
        Instant base = Instant.now().minusSeconds(3_600);
        int warmup = Integer.getInteger("warmup", 0);
        List<byte[]> warmupPayloads =
                payloads("w" + run, base.minusSeconds(3_600), layer, warmup, perMessage, sign, batchSign, seed, keyId);
        List<byte[]> payloads = payloads(run, base, layer, messages, perMessage, sign, batchSign, seed, keyId);
        long total = (long) messages * perMessage;
        System.out.printf(
                "built %s %,d events in %,d messages (and %,d messages to warm up) in %.1f s (not timed below)%n",
                sign ? "and signed" : batchSign ? "and batch-signed (one signature a message)" : "(unsigned)",
                total,
                messages,
                warmup,
                (System.nanoTime() - buildStart) / 1e9);

        HttpClient http = HttpClient.newHttpClient();
        Mqtt5AsyncClient client = Mqtt5Client.builder()
                .identifier("serviceproof-load-" + run)
                .serverHost("127.0.0.1")
                .serverPort(port)
                .buildAsync();
        client.connect().join();
        if (warmup > 0) {
            // The server's JIT compiles the ingest path while it takes these; they are not timed.
            long before = logSize(http, server, token);
            publishAll(client, topic, warmupPayloads);
            waitForLog(http, server, token, before + (long) warmup * perMessage);
            Thread.sleep(2_000);
            System.out.printf("warmed up with %,d events%n", (long) warmup * perMessage);
        }
        long before = logSize(http, server, token);

        long start = System.nanoTime();
        publishAll(client, topic, payloads);
        double published = (System.nanoTime() - start) / 1e9;
        System.out.printf("published (broker acknowledged) in %.2f s: %,.0f events/s%n", published, total / published);

        long size = waitForLog(http, server, token, before + total);
        double logged = (System.nanoTime() - start) / 1e9;
        client.disconnect().join();
        System.out.printf(
                "logged %,d of %,d events in %.2f s from the first publish: %,.0f events/s (checkpoint %d -> %d)%n",
                size - before, total, logged, (size - before) / logged, before, size);
    }

    private static void publishAll(Mqtt5AsyncClient client, String topic, List<byte[]> payloads) {
        List<CompletableFuture<?>> sent = new ArrayList<>(payloads.size());
        for (byte[] payload : payloads) {
            sent.add(client.publishWith()
                    .topic(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(payload)
                    .send());
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    /** Polls the checkpoint every 100 ms until the log holds {@code size} entries (or ten minutes pass). */
    private static long waitForLog(HttpClient http, String server, String token, long size) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long now = logSize(http, server, token);
        while (now < size && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = logSize(http, server, token);
        }
        return now;
    }

    private static List<byte[]> payloads(
            String run,
            Instant base,
            String layer,
            int messages,
            int perMessage,
            boolean sign,
            boolean batchSign,
            byte[] seed,
            String keyId)
            throws Exception {
        List<byte[]> payloads = new ArrayList<>(messages);
        for (int m = 0; m < messages; m++) {
            List<Object> entries = new ArrayList<>(perMessage);
            for (int e = 0; e < perMessage; e++) {
                long n = (long) m * perMessage + e;
                EntryDraft draft = new EntryDraft(
                        "mqtt-load-" + run + "-" + n,
                        "inspection.verdict",
                        base.plusMillis(n),
                        layer,
                        List.of(),
                        Map.of("verdict", n % 50 == 0 ? "fail" : "pass", "latencyMs", 40.0 + n % 17),
                        null);
                entries.add(sign ? signed(draft, seed, keyId) : unsigned(draft));
            }
            if (batchSign) {
                entries = batchSigned(entries, seed, keyId);
            }
            payloads.add(Json.canonical(Map.of("entries", entries)).getBytes(StandardCharsets.UTF_8));
        }
        return payloads;
    }

    private static Map<String, Object> signed(EntryDraft draft, byte[] seed, String keyId) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> entry =
                (Map<String, Object>) Json.parse(new String(draft.canonicalBytes(), StandardCharsets.UTF_8));
        byte[] message = EventEnvelope.signedBytes(entry);
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
        Map<String, Object> sent = new LinkedHashMap<>(entry);
        sent.remove("schema");
        sent.put(
                "signature",
                Map.of(
                        "format",
                        EventEnvelope.FORMAT,
                        "keyId",
                        keyId,
                        "sig",
                        Base64.getEncoder().encodeToString(sig),
                        "payloadType",
                        EventEnvelope.PAYLOAD_TYPE));
        return sent;
    }

    /** One signature for the message's events: the Merkle tree of their logged form, a path each. */
    @SuppressWarnings("unchecked")
    private static List<Object> batchSigned(List<Object> entries, byte[] seed, String keyId) throws Exception {
        List<Map<String, Object>> logged = new ArrayList<>();
        for (Object entry : entries) {
            Map<String, Object> withSchema = new LinkedHashMap<>((Map<String, Object>) entry);
            withSchema.put("schema", "serviceproof.io/ledger-entry/v1");
            logged.add(withSchema);
        }
        BatchSignature.Batch batch = new BatchSignature.Batch(logged);
        byte[] message = batch.signedBytes();
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
        List<Object> signed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) entries.get(i));
            entry.put("signature", batch.signature(i, keyId, Base64.getEncoder().encodeToString(sig)));
            signed.add(entry);
        }
        return signed;
    }

    private static Map<String, Object> unsigned(EntryDraft draft) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = new LinkedHashMap<>(
                (Map<String, Object>) Json.parse(new String(draft.canonicalBytes(), StandardCharsets.UTF_8)));
        entry.remove("schema");
        return entry;
    }

    private static long logSize(HttpClient http, String server, String token) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(server + "/api/v1/ledger/checkpoint"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = SIZE.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no size in " + response.body());
        }
        return Long.parseLong(m.group(1));
    }
}
