package io.serviceproof.verifier.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.note.Ed25519;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The log's device-signature rule, attacked the way a forger would: a signature over another entry,
 * a key the log never registered or registered only later, a registration whose id is not its key's,
 * a key registered twice, a retired key brought back, a signature over another payload type.
 */
class ProducerSignaturesTests {

    private final KeyPair camera = Ed25519.fromSeed(seed(1));
    private final KeyPair other = Ed25519.fromSeed(seed(2));
    private final String cameraId = EventEnvelope.keyId(Ed25519.rawPublicKey(camera.getPublic()));

    @Test
    void anEventSignedByARegisteredDeviceVerifies() throws Exception {
        ProducerSignatures log = new ProducerSignatures();
        log.observe(0, registration(camera));
        log.observe(1, signed(event("e-1"), camera));
        log.observe(2, event("e-2"));
        assertThat(log.signedEntries()).isEqualTo(1);
        assertThat(log.devices()).isEqualTo(1);
        assertThat(log.signedAfterSuspension()).isZero();
    }

    @Test
    void aSignatureOverAnotherEntryOrAnAlteredOneFails() throws Exception {
        ProducerSignatures log = new ProducerSignatures();
        log.observe(0, registration(camera));
        Map<String, Object> signed = signed(event("e-1"), camera);
        // The server (or anyone) changes the payload after the device signed it.
        Map<String, Object> altered = new LinkedHashMap<>(signed);
        altered.put("payload", Map.of("verdict", "pass", "latencyMs", 120));
        assertThatThrownBy(() -> log.observe(1, altered))
                .isInstanceOf(ProducerSignatureException.class)
                .hasMessageContaining("does not verify");
        // Or moves the event in time.
        Map<String, Object> backdated = new LinkedHashMap<>(signed);
        backdated.put("occurredAt", "2026-10-01T00:00:00Z");
        assertThatThrownBy(() -> log.observe(1, backdated)).hasMessageContaining("does not verify");
    }

    @Test
    void aKeyTheLogNeverRegisteredOrRegisteredOnlyLaterFails() throws Exception {
        ProducerSignatures log = new ProducerSignatures();
        assertThatThrownBy(() -> log.observe(0, signed(event("e-1"), camera)))
                .hasMessageContaining("no earlier entry of the log registers");
        log.observe(1, registration(camera));
        assertThatThrownBy(() -> log.observe(2, signed(event("e-2"), other)))
                .hasMessageContaining("no earlier entry of the log registers");
    }

    @Test
    void aSignatureClaimingARegisteredKeyIdButMadeWithAnotherKeyFails() throws Exception {
        ProducerSignatures log = new ProducerSignatures();
        log.observe(0, registration(camera));
        Map<String, Object> forged = signed(event("e-1"), other);
        forged.put("signature", signature(cameraId, sign(forged, other)));
        assertThatThrownBy(() -> log.observe(1, forged)).hasMessageContaining("does not verify");
    }

    @Test
    void aDeviceBoundToALayerSignsForThatLayerOnly() throws Exception {
        ProducerSignatures log = new ProducerSignatures();
        Map<String, Object> registration = registration(camera);
        ((Map<String, Object>) registration.get("payload")).put("serviceLayerId", "ai-remote-quality-inspection");
        log.observe(0, registration);
        log.observe(1, signed(event("e-1"), camera));
        Map<String, Object> elsewhere = new LinkedHashMap<>(event("e-2"));
        elsewhere.put("serviceLayerId", "warehouse-saas");
        assertThatThrownBy(() -> log.observe(2, signed(elsewhere, camera)))
                .hasMessageContaining("registered for ai-remote-quality-inspection only");
    }

    @Test
    void aRegistrationMustNameItsKeysOwnIdAndHappenOnce() throws Exception {
        ProducerSignatures log = new ProducerSignatures();
        Map<String, Object> wrongId = registration(camera);
        ((Map<String, Object>) wrongId.get("payload")).put("keyId", "ed25519:0000000000000000");
        assertThatThrownBy(() -> log.observe(0, wrongId)).hasMessageContaining("its key's id is " + cameraId);
        log.observe(1, registration(camera));
        assertThatThrownBy(() -> log.observe(2, registration(camera))).hasMessageContaining("a second time");
        Map<String, Object> shortKey = registration(other);
        ((Map<String, Object>) shortKey.get("payload")).put("publicKey", "AAAA");
        assertThatThrownBy(() -> log.observe(3, shortKey)).hasMessageContaining("unreadable device key");
    }

    @Test
    void retirementIsFinalAndEventsAfterASuspensionAreCounted() throws Exception {
        ProducerSignatures log = new ProducerSignatures();
        log.observe(0, registration(camera));
        log.observe(1, status(cameraId, "suspended"));
        log.observe(2, signed(event("e-1"), camera));
        assertThat(log.signedAfterSuspension()).isEqualTo(1);
        log.observe(3, status(cameraId, "active"));
        log.observe(4, signed(event("e-2"), camera));
        assertThat(log.signedAfterSuspension()).isEqualTo(1);
        log.observe(5, status(cameraId, "retired"));
        assertThatThrownBy(() -> log.observe(6, status(cameraId, "active")))
                .hasMessageContaining("retirement is final");
        assertThatThrownBy(() -> log.observe(7, status("ed25519:1111111111111111", "suspended")))
                .hasMessageContaining("never registered");
        assertThatThrownBy(() -> log.observe(8, status(cameraId, "lost"))).hasMessageContaining("unknown status");
    }

    @Test
    void aSignatureOverAnotherPayloadTypeOrFormatFails() throws Exception {
        ProducerSignatures log = new ProducerSignatures();
        log.observe(0, registration(camera));
        Map<String, Object> signed = signed(event("e-1"), camera);
        Map<String, Object> sig = new LinkedHashMap<>((Map<String, Object>) signed.get("signature"));
        sig.put("payloadType", "application/vnd.in-toto+json");
        signed.put("signature", sig);
        assertThatThrownBy(() -> log.observe(1, signed)).hasMessageContaining("payload type");
        Map<String, Object> jws = new LinkedHashMap<>(signed(event("e-2"), camera));
        Map<String, Object> other = new LinkedHashMap<>((Map<String, Object>) jws.get("signature"));
        other.put("format", "jws");
        jws.put("signature", other);
        assertThatThrownBy(() -> log.observe(2, jws)).hasMessageContaining("unknown signature format");
    }

    @Test
    void theSignedBytesAreTheDssePaeOfTheCanonicalEntryWithoutItsSignature() throws Exception {
        Map<String, Object> entry = signed(event("e-1"), camera);
        String payload = new String(EventEnvelope.payload(entry), StandardCharsets.UTF_8);
        assertThat(payload).doesNotContain("signature").startsWith("{\"eventId\":\"e-1\"");
        String pae = new String(EventEnvelope.signedBytes(entry), StandardCharsets.UTF_8);
        assertThat(pae)
                .isEqualTo("DSSEv1 " + EventEnvelope.PAYLOAD_TYPE.length() + " " + EventEnvelope.PAYLOAD_TYPE + " "
                        + payload.length() + " " + payload);
        // The DSSE specification's own PAE example.
        assertThat(new String(
                        EventEnvelope.pae(
                                "http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
        assertThat(cameraId).matches("ed25519:[0-9a-f]{16}");
    }

    static Map<String, Object> event(String id) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("schema", "serviceproof.io/ledger-entry/v1");
        entry.put("eventId", id);
        entry.put("type", "inspection.verdict");
        entry.put("occurredAt", "2026-11-03T08:15:00Z");
        entry.put("serviceLayerId", "ai-remote-quality-inspection");
        entry.put("payload", Map.of("verdict", "fail", "latencyMs", 340));
        return entry;
    }

    private Map<String, Object> signed(Map<String, Object> entry, KeyPair key) throws Exception {
        Map<String, Object> signed = new LinkedHashMap<>(entry);
        String id = EventEnvelope.keyId(Ed25519.rawPublicKey(key.getPublic()));
        signed.put("signature", signature(id, sign(entry, key)));
        // Round-trip through canonical JSON, as the log stores and the auditor parses it.
        return (Map<String, Object>) Json.parse(Json.canonical(signed));
    }

    private static String sign(Map<String, Object> entry, KeyPair key) throws Exception {
        return Base64.getEncoder().encodeToString(Ed25519.sign(key.getPrivate(), EventEnvelope.signedBytes(entry)));
    }

    private static Map<String, Object> signature(String keyId, String sig) {
        return new LinkedHashMap<>(
                Map.of("format", "dsse", "keyId", keyId, "sig", sig, "payloadType", EventEnvelope.PAYLOAD_TYPE));
    }

    private static Map<String, Object> registration(KeyPair key) {
        byte[] raw = Ed25519.rawPublicKey(key.getPublic());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("keyId", EventEnvelope.keyId(raw));
        payload.put("publicKey", Base64.getEncoder().encodeToString(raw));
        payload.put("name", "inspection camera");
        Map<String, Object> entry = new LinkedHashMap<>(event("device-" + EventEnvelope.keyId(raw)));
        entry.put("type", ProducerSignatures.REGISTERED);
        entry.put("payload", payload);
        return entry;
    }

    private static Map<String, Object> status(String keyId, String status) {
        Map<String, Object> entry = new LinkedHashMap<>(event("status-" + keyId + "-" + status));
        entry.put("type", ProducerSignatures.STATUS_CHANGED);
        entry.put("payload", new LinkedHashMap<>(Map.of("keyId", keyId, "status", status)));
        return entry;
    }

    private static byte[] seed(int b) {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) b);
        return seed;
    }
}
