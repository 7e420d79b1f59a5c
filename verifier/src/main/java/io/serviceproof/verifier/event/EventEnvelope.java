package io.serviceproof.verifier.event;

import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a device signs for one event: a DSSE signature (the envelope's pre-authentication encoding,
 * PAE) whose payload is the log entry's RFC 8785 canonical JSON without its {@code signature}
 * member. The payload is not sent separately: anyone holding the log entry rebuilds it, so the
 * signature is checkable offline from the log alone.
 */
public final class EventEnvelope {

    /** The DSSE payload type of a signed ledger entry. */
    public static final String PAYLOAD_TYPE = "application/vnd.serviceproof.ledger-entry+json";

    /** The signature member's format: a DSSE signature. */
    public static final String FORMAT = "dsse";

    private EventEnvelope() {}

    /** The entry's canonical JSON without its signature: the DSSE payload. */
    public static byte[] payload(Map<?, ?> entry) throws JsonException {
        Map<Object, Object> unsigned = new LinkedHashMap<>(entry);
        unsigned.remove("signature");
        return Json.canonicalBytesOf(unsigned);
    }

    /** The exact bytes a device signs for this entry (DSSE v1 PAE of {@link #PAYLOAD_TYPE} and the payload). */
    public static byte[] signedBytes(Map<?, ?> entry) throws JsonException {
        return pae(PAYLOAD_TYPE, payload(entry));
    }

    /** DSSE v1 pre-authentication encoding: {@code "DSSEv1" SP len(type) SP type SP len(body) SP body}. */
    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /**
     * A device key's id: {@code ed25519:} and the first 8 bytes of the SHA-256 of the raw 32-byte
     * public key, in lower-case hex. Derived from the key, so a device computes its own.
     */
    public static String keyId(byte[] rawPublicKey) {
        if (rawPublicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawPublicKey);
            return "ed25519:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
