package io.serviceproof.demo;

import io.serviceproof.devices.Devices;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.verifier.event.EventEnvelope;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The demo's inspection camera on line 2: a device with its own Ed25519 key that signs its verdicts,
 * while reviews and the other layers' events come on API tokens. Its private key is derived from a
 * fixed phrase on purpose: it is a demo, and a visitor can sign events as the camera to try the
 * check. A real device generates its own key and keeps it.
 */
final class DemoCamera {

    static final String NAME = "Inspection camera, line 2 (demo)";
    static final String LAYER = "ai-remote-quality-inspection";

    private final byte[] seed = seed();
    private final byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    private final String keyId;

    DemoCamera() {
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        keyId = EventEnvelope.keyId(publicKey);
    }

    /** What registering the camera takes: its name, the layer it serves, its public key. */
    Devices.Registration registration() {
        return new Devices.Registration(NAME, LAYER, Base64.getEncoder().encodeToString(publicKey));
    }

    /** The events, with each inspection verdict signed by the camera (Bouncy Castle: RFC 8032 bytes, fast). */
    List<EntryDraft> signVerdicts(List<EntryDraft> events) {
        List<EntryDraft> signed = new ArrayList<>(events.size());
        for (EntryDraft e : events) {
            signed.add(e.type().equals("inspection.verdict") ? sign(e) : e);
        }
        return signed;
    }

    private EntryDraft sign(EntryDraft e) {
        try {
            Map<?, ?> entry = (Map<?, ?>) Json.parse(new String(e.canonicalBytes(), StandardCharsets.UTF_8));
            byte[] message = EventEnvelope.signedBytes(entry);
            byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
            return new EntryDraft(
                    e.eventId(),
                    e.type(),
                    e.occurredAt(),
                    e.serviceLayerId(),
                    e.subjectDigests(),
                    e.payload(),
                    Map.of(
                            "format",
                            EventEnvelope.FORMAT,
                            "keyId",
                            keyId,
                            "sig",
                            Base64.getEncoder().encodeToString(sig),
                            "payloadType",
                            EventEnvelope.PAYLOAD_TYPE));
        } catch (JsonException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] seed() {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest("serviceproof demo inspection camera, line 2".getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
