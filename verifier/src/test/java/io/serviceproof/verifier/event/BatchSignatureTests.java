package io.serviceproof.verifier.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.note.Ed25519;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One device signature over a batch of events ({@code dsse-batch}), attacked the way a forger would:
 * an entry altered inside a signed batch, an entry moved to another place or carried into another
 * batch, the batch's size misstated, a path too short or too long or holding junk, another key's
 * statement, an entry that was never in the batch.
 */
class BatchSignatureTests {

    private final KeyPair camera = Ed25519.fromSeed(seed(1));
    private final KeyPair other = Ed25519.fromSeed(seed(2));
    private final String cameraId = EventEnvelope.keyId(Ed25519.rawPublicKey(camera.getPublic()));

    @Test
    void everyEntryOfASignedBatchVerifiesOnItsOwnAndTheStatementIsCheckedOnce() throws Exception {
        for (int size : new int[] {1, 2, 3, 7, 8, 100}) {
            ProducerSignatures log = registered();
            List<Map<String, Object>> batch = signedBatch("b" + size, size, camera);
            for (int i = 0; i < size; i++) {
                log.observe(1 + i, batch.get(i));
            }
            assertThat(log.signedEntries()).as("batch of %d", size).isEqualTo(size);
        }
        // An entry checked alone, in a log where its batch-mates were never seen, verifies too.
        ProducerSignatures alone = registered();
        alone.observe(1, signedBatch("solo", 5, camera).get(3));
        assertThat(alone.signedEntries()).isEqualTo(1);
    }

    @Test
    void anEntryAlteredInsideASignedBatchFailsAndItsBatchMatesStillVerify() throws Exception {
        ProducerSignatures log = registered();
        List<Map<String, Object>> batch = signedBatch("alter", 4, camera);
        log.observe(1, batch.get(0));
        Map<String, Object> altered = new LinkedHashMap<>(batch.get(1));
        altered.put("payload", Map.of("verdict", "pass", "latencyMs", 340));
        assertThatThrownBy(() -> log.observe(2, altered))
                .isInstanceOf(ProducerSignatureException.class)
                .hasMessageContaining("does not verify over the batch");
        Map<String, Object> backdated = new LinkedHashMap<>(batch.get(2));
        backdated.put("occurredAt", "2026-10-01T00:00:00Z");
        assertThatThrownBy(() -> log.observe(3, backdated)).hasMessageContaining("does not verify");
        log.observe(4, batch.get(3));
        assertThat(log.signedEntries()).isEqualTo(2);
    }

    @Test
    void anEntryMovedToAnotherPlaceOrIntoAnotherBatchFails() throws Exception {
        ProducerSignatures log = registered();
        List<Map<String, Object>> first = signedBatch("first", 4, camera);
        List<Map<String, Object>> second = signedBatch("second", 4, camera);
        log.observe(1, first.get(0));
        // Its own path, another index.
        assertThatThrownBy(() -> log.observe(2, withSignature(first.get(1), "leafIndex", 2.0)))
                .hasMessageContaining("does not verify");
        // Another batch's signature and path for this entry.
        Map<String, Object> smuggled = new LinkedHashMap<>(first.get(1));
        smuggled.put("signature", second.get(1).get("signature"));
        assertThatThrownBy(() -> log.observe(3, smuggled)).hasMessageContaining("does not verify");
        // An event that was never in a batch, given a batch-mate's signature.
        Map<String, Object> outsider = ProducerSignaturesTests.event("never-signed");
        outsider.put("signature", first.get(2).get("signature"));
        assertThatThrownBy(() -> log.observe(4, outsider)).hasMessageContaining("does not verify");
    }

    @Test
    void aMisstatedSizeOrAMalformedPathFailsWithItsReason() throws Exception {
        ProducerSignatures log = registered();
        Map<String, Object> entry = signedBatch("shape", 5, camera).get(4);
        assertThatThrownBy(() -> log.observe(1, withSignature(entry, "leaves", 8.0)))
                .hasMessageContaining("does not");
        assertThatThrownBy(() -> log.observe(1, withSignature(entry, "leaves", 4.0)))
                .hasMessageContaining("leafIndex is not a whole number from 0 to 3");
        assertThatThrownBy(() -> log.observe(1, withSignature(entry, "leaves", 0.0)))
                .hasMessageContaining("leaves is not a whole number");
        assertThatThrownBy(() -> log.observe(1, withSignature(entry, "leaves", 5.5)))
                .hasMessageContaining("leaves is not a whole number");
        assertThatThrownBy(() -> log.observe(1, withSignature(entry, "leafIndex", -1.0)))
                .hasMessageContaining("leafIndex is not a whole number");
        assertThatThrownBy(() -> log.observe(1, withSignature(entry, "leaves", 1e300)))
                .hasMessageContaining("leaves is not a whole number");
        List<Object> path = new ArrayList<>((List<?>) ((Map<?, ?>) entry.get("signature")).get("path"));
        assertThatThrownBy(() -> log.observe(1, withSignature(entry, "path", path.subList(0, path.size() - 1))))
                .hasMessageContaining("path does not fit");
        List<Object> longer = new ArrayList<>(path);
        longer.add("00".repeat(32));
        assertThatThrownBy(() -> log.observe(1, withSignature(entry, "path", longer)))
                .hasMessageContaining("path does not fit");
        List<Object> junk = new ArrayList<>(path);
        junk.set(0, "ZZ".repeat(32));
        assertThatThrownBy(() -> log.observe(1, withSignature(entry, "path", junk)))
                .hasMessageContaining("64 lower-case hex digits");
        assertThatThrownBy(() -> log.observe(1, withSignature(entry, "path", "not a list")))
                .hasMessageContaining("path is not a list");
        assertThatThrownBy(() -> log.observe(1, withSignature(entry, "payloadType", EventEnvelope.PAYLOAD_TYPE)))
                .hasMessageContaining("payload type");
        assertThat(log.signedEntries()).isZero();
    }

    @Test
    void aPathHashIsDecodedOnlyFromExactlySixtyFourLowerCaseHexDigits() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 1_000; i++) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            String hex = java.util.HexFormat.of().formatHex(hash);
            assertThat(BatchSignature.hashBytes(hex)).isEqualTo(hash);
            assertThat(BatchSignature.isHash(hex)).isTrue();
        }
        String valid = "0123456789abcdef".repeat(4);
        List<String> hostile = new ArrayList<>(
                List.of(valid.toUpperCase(java.util.Locale.ROOT), valid.substring(1), valid + "0", "", "٠".repeat(64)));
        for (char outside : new char[] {'/', ':', '`', 'g', 'A', 'F', ' ', '\u0000'}) {
            hostile.add(outside + valid.substring(1));
            hostile.add(valid.substring(0, 63) + outside);
        }
        for (String hex : hostile) {
            assertThat(BatchSignature.hashBytes(hex)).as(hex).isNull();
            assertThat(BatchSignature.isHash(hex)).as(hex).isFalse();
        }
    }

    @Test
    void aBatchSignedWithAnotherKeyUnderTheCamerasIdFailsEvenAfterTheRealBatchVerified() throws Exception {
        ProducerSignatures log = registered();
        List<Map<String, Object>> real = signedBatch("real", 3, camera);
        log.observe(1, real.get(0));
        List<Map<String, Object>> forged = signedBatch("real", 3, other);
        for (Map<String, Object> entry : forged) {
            ((Map<String, Object>) entry.get("signature")).put("keyId", cameraId);
        }
        Map<String, Object> reparsed = (Map<String, Object>) Json.parse(Json.canonical(forged.get(1)));
        assertThatThrownBy(() -> log.observe(2, reparsed)).hasMessageContaining("does not verify");
    }

    @Test
    void theStatementIsTheDssePaeOfTheCanonicalRootAndSize() throws Exception {
        List<Map<String, Object>> entries =
                List.of(ProducerSignaturesTests.event("s-0"), ProducerSignaturesTests.event("s-1"));
        BatchSignature.Batch batch = new BatchSignature.Batch(entries);
        String pae = new String(batch.signedBytes(), StandardCharsets.UTF_8);
        assertThat(pae)
                .matches("DSSEv1 46 application/vnd\\.serviceproof\\.ledger-batch\\+json 86 "
                        + "\\{\"leaves\":2,\"root\":\"[0-9a-f]{64}\"\\}");
    }

    private ProducerSignatures registered() throws Exception {
        ProducerSignatures log = new ProducerSignatures();
        byte[] raw = Ed25519.rawPublicKey(camera.getPublic());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("keyId", EventEnvelope.keyId(raw));
        payload.put("publicKey", Base64.getEncoder().encodeToString(raw));
        payload.put("name", "inspection camera");
        Map<String, Object> entry = ProducerSignaturesTests.event("device-camera");
        entry.put("type", ProducerSignatures.REGISTERED);
        entry.put("payload", payload);
        log.observe(0, entry);
        return log;
    }

    /** What a device sends: the batch's events, each with the one signature and its own path. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> signedBatch(String prefix, int size, KeyPair key) throws Exception {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(ProducerSignaturesTests.event(prefix + "-" + i));
        }
        BatchSignature.Batch batch = new BatchSignature.Batch(entries);
        String sig = Base64.getEncoder().encodeToString(Ed25519.sign(key.getPrivate(), batch.signedBytes()));
        String keyId = EventEnvelope.keyId(Ed25519.rawPublicKey(key.getPublic()));
        List<Map<String, Object>> signed = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Map<String, Object> entry = new LinkedHashMap<>(entries.get(i));
            entry.put("signature", batch.signature(i, keyId, sig));
            // As the log stores it and an auditor parses it.
            signed.add((Map<String, Object>) Json.parse(Json.canonical(entry)));
        }
        return signed;
    }

    private static Map<String, Object> withSignature(Map<String, Object> entry, String member, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(entry);
        Map<String, Object> signature = new LinkedHashMap<>((Map<String, Object>) entry.get("signature"));
        signature.put(member, value);
        changed.put("signature", signature);
        return changed;
    }

    private static byte[] seed(int b) {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) b);
        return seed;
    }
}
