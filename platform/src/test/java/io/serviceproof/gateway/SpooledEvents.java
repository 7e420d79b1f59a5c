package io.serviceproof.gateway;

import io.serviceproof.verifier.event.ProducerSignatures;
import io.serviceproof.verifier.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** What a gateway input put in its spool, read back as the server and the log verifier would. */
final class SpooledEvents {

    private SpooledEvents() {}

    /** The spooled events as the log verifier checks them, after the gateway's registration: how many verify. */
    static long signedBy(GatewayKey key, List<Map<String, Object>> events) throws Exception {
        ProducerSignatures signatures = new ProducerSignatures();
        signatures.observe(0, registration(key));
        long index = 1;
        for (Map<String, Object> event : events) {
            Map<String, Object> logged = new LinkedHashMap<>(event);
            logged.put("schema", "serviceproof.io/ledger-entry/v1");
            signatures.observe(index++, logged);
        }
        return signatures.signedEntries();
    }

    private static Map<String, Object> registration(GatewayKey key) {
        return Map.of(
                "schema",
                "serviceproof.io/ledger-entry/v1",
                "type",
                ProducerSignatures.REGISTERED,
                "payload",
                Map.of("keyId", key.keyId(), "publicKey", key.publicKeyBase64(), "serviceLayerId", "rqi"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> payload(Map<String, Object> event) {
        return (Map<String, Object>) event.get("payload");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> read(Spool spool) throws Exception {
        List<Map<String, Object>> events = new ArrayList<>();
        for (byte[] record : spool.read(1_000, 1 << 24).records()) {
            events.add((Map<String, Object>) Json.parse(new String(record, StandardCharsets.UTF_8)));
        }
        return events;
    }

    /** Waits for the gateway's asynchronous work (its session, its spool). */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(50);
        }
    }
}
