package io.serviceproof.verifier.event;

import io.serviceproof.verifier.json.JsonException;
import io.serviceproof.verifier.note.Ed25519;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks producer signatures over a log, entry by entry in log order. The log itself holds the
 * device keys: a {@code device.registered} entry brings a key in, {@code device.status-changed}
 * entries suspend, reactivate or retire it. Every entry that carries a signature must then be signed
 * by a key registered earlier in the same log, over {@link EventEnvelope#signedBytes} (or, signed as
 * part of a batch, over the {@link BatchSignature} statement its path leads to), and be for the
 * device's service layer when its registration names one; any other signature fails the log. An entry signed by a key that was suspended or retired before it was
 * logged is counted, not failed: the server refuses those on arrival, and one can only be logged in
 * the instant between that check and a concurrent suspension, so the count says how often.
 */
public final class ProducerSignatures {

    public static final String REGISTERED = "device.registered";
    public static final String STATUS_CHANGED = "device.status-changed";

    private static final Set<String> STATUSES = Set.of("active", "suspended", "retired");

    /** A registered key; {@code layer} is the service layer the device is bound to, or null. */
    private record Device(PublicKey key, long registeredAt, String status, Object layer) {}

    private final Map<String, Device> devices = new HashMap<>();
    /** Batch statements recently verified (they are short; entries of one batch are logged together). */
    private final Map<String, Boolean> recentStatements = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 1024;
        }
    };

    private long signed;
    private long afterSuspension;

    /** Takes the next entry of the log (parsed from its canonical JSON) into account. */
    public void observe(long index, Map<?, ?> entry) throws ProducerSignatureException {
        Object type = entry.get("type");
        if (REGISTERED.equals(type)) {
            register(index, payload(index, entry));
        } else if (STATUS_CHANGED.equals(type)) {
            changeStatus(index, payload(index, entry));
        }
        if (entry.get("signature") != null) {
            checkSignature(index, entry);
        }
    }

    /** Entries whose producer signature verified. */
    public long signedEntries() {
        return signed;
    }

    /** Signed entries logged after their device was suspended or retired (see the class comment). */
    public long signedAfterSuspension() {
        return afterSuspension;
    }

    /** Device keys the log registered. */
    public int devices() {
        return devices.size();
    }

    private void register(long index, Map<?, ?> payload) throws ProducerSignatureException {
        String keyId = text(index, payload, "keyId");
        byte[] raw;
        PublicKey key;
        try {
            raw = Base64.getDecoder().decode(text(index, payload, "publicKey"));
            key = Ed25519.publicKey(raw);
        } catch (IllegalArgumentException e) {
            throw new ProducerSignatureException(
                    "entry " + index + " registers an unreadable device key: " + e.getMessage());
        }
        if (!EventEnvelope.keyId(raw).equals(keyId)) {
            throw new ProducerSignatureException("entry " + index + " registers key id " + keyId
                    + ", but its key's id is " + EventEnvelope.keyId(raw));
        }
        if (devices.containsKey(keyId)) {
            throw new ProducerSignatureException(
                    "entry " + index + " registers device key " + keyId + " a second time");
        }
        devices.put(keyId, new Device(key, index, "active", payload.get("serviceLayerId")));
    }

    private void changeStatus(long index, Map<?, ?> payload) throws ProducerSignatureException {
        String keyId = text(index, payload, "keyId");
        String status = text(index, payload, "status");
        Device device = devices.get(keyId);
        if (device == null) {
            throw new ProducerSignatureException("entry " + index + " changes the status of device key " + keyId
                    + ", which the log never registered");
        }
        if (!STATUSES.contains(status)) {
            throw new ProducerSignatureException(
                    "entry " + index + " gives device key " + keyId + " an unknown status " + status);
        }
        if (device.status().equals("retired")) {
            throw new ProducerSignatureException(
                    "entry " + index + " changes device key " + keyId + " after it was retired; retirement is final");
        }
        devices.put(keyId, new Device(device.key(), device.registeredAt(), status, device.layer()));
    }

    private void checkSignature(long index, Map<?, ?> entry) throws ProducerSignatureException {
        if (!(entry.get("signature") instanceof Map<?, ?> signature)) {
            throw new ProducerSignatureException("entry " + index + ": its signature is not an object");
        }
        boolean batch = BatchSignature.FORMAT.equals(signature.get("format"));
        if (!batch && !EventEnvelope.FORMAT.equals(signature.get("format"))) {
            throw new ProducerSignatureException(
                    "entry " + index + ": unknown signature format " + signature.get("format"));
        }
        String payloadType = batch ? BatchSignature.PAYLOAD_TYPE : EventEnvelope.PAYLOAD_TYPE;
        if (!payloadType.equals(signature.get("payloadType"))) {
            throw new ProducerSignatureException("entry " + index + ": its signature is over payload type "
                    + signature.get("payloadType") + ", not " + payloadType);
        }
        Object keyId = signature.get("keyId");
        Device device = devices.get(keyId);
        if (device == null) {
            throw new ProducerSignatureException("entry " + index + " is signed by device key " + keyId
                    + ", which no earlier entry of the log registers");
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(String.valueOf(signature.get("sig")));
        } catch (IllegalArgumentException e) {
            throw new ProducerSignatureException("entry " + index + ": its signature is not base64");
        }
        byte[] message;
        try {
            message = batch ? BatchSignature.signedBytes(entry) : EventEnvelope.signedBytes(entry);
        } catch (JsonException e) {
            throw new ProducerSignatureException("entry " + index + ": " + e.getMessage());
        }
        if (!(batch ? verifiedStatement(keyId, device, message, sig) : Ed25519.verify(device.key(), message, sig))) {
            throw new ProducerSignatureException("entry " + index + ": the signature of device key " + keyId
                    + (batch
                            ? " does not verify over the batch the entry and its path lead to"
                            : " does not verify over the entry"));
        }
        if (device.layer() != null && !device.layer().equals(entry.get("serviceLayerId"))) {
            throw new ProducerSignatureException(
                    "entry " + index + " is for service layer " + entry.get("serviceLayerId") + ", but device key "
                            + keyId + " is registered for " + device.layer() + " only");
        }
        if (!device.status().equals("active")) {
            afterSuspension++;
        }
        signed++;
    }

    /**
     * Verifies, or remembers having verified: the entries of one batch share their signed statement,
     * so it is checked once, not once per entry. Only successes are remembered, by key id, message and
     * signature, so a remembered answer is the answer the check would give again.
     */
    private boolean verifiedStatement(Object keyId, Device device, byte[] message, byte[] sig) {
        String seen = keyId + " " + Base64.getEncoder().encodeToString(sig) + " "
                + Base64.getEncoder().encodeToString(message);
        if (recentStatements.containsKey(seen)) {
            return true;
        }
        boolean valid = Ed25519.verify(device.key(), message, sig);
        if (valid) {
            recentStatements.put(seen, Boolean.TRUE);
        }
        return valid;
    }

    private static Map<?, ?> payload(long index, Map<?, ?> entry) throws ProducerSignatureException {
        if (entry.get("payload") instanceof Map<?, ?> payload) {
            return payload;
        }
        throw new ProducerSignatureException("entry " + index + " (" + entry.get("type") + ") has no payload object");
    }

    private static String text(long index, Map<?, ?> payload, String member) throws ProducerSignatureException {
        if (payload.get(member) instanceof String text && !text.isBlank()) {
            return text;
        }
        throw new ProducerSignatureException("entry " + index + " (a device entry) has no " + member);
    }
}
