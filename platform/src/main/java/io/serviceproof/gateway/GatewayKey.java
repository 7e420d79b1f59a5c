package io.serviceproof.gateway;

import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.verifier.event.EventEnvelope;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The gateway's own Ed25519 key, made on the gateway and never leaving it: the server learns only the
 * public key, registered as a device. Every event the gateway forwards carries its signature
 * (docs/formats.md, "Signed events"), unless a device upstream signed it already.
 */
final class GatewayKey {

    static final String FILE = "gateway.key";

    private final byte[] seed;
    private final byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    private final String keyId;

    private GatewayKey(byte[] seed) {
        this.seed = seed;
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        this.keyId = EventEnvelope.keyId(publicKey);
    }

    /** Makes a new key in {@code dir} (readable by its owner only); refuses to replace one. */
    static GatewayKey create(Path dir) throws IOException {
        Files.createDirectories(dir);
        byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
        new SecureRandom().nextBytes(seed);
        Path file = dir.resolve(FILE);
        Files.writeString(
                file,
                Base64.getEncoder().encodeToString(seed) + "\n",
                StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the folder's own protection applies
        }
        return new GatewayKey(seed);
    }

    static GatewayKey load(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IOException("no key in " + dir + ": run `serviceproof gateway init --dir " + dir + "` first");
        }
        byte[] seed = Base64.getDecoder()
                .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        if (seed.length != Ed25519.SECRET_KEY_SIZE) {
            throw new IOException(file + " does not hold a 32-byte Ed25519 seed");
        }
        return new GatewayKey(seed);
    }

    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    String keyId() {
        return keyId;
    }

    /**
     * The entry as the ingest API takes it: the draft's own members, signed by this gateway unless a
     * device signed it already. The bytes are what the spool keeps and the uplink sends.
     */
    byte[] entryJson(EntryDraft draft) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = new LinkedHashMap<>(
                    (Map<String, Object>) Json.parse(new String(draft.canonicalBytes(), StandardCharsets.UTF_8)));
            entry.remove("schema");
            if (draft.signature() == null) {
                entry.put("signature", signature(draft));
            }
            return Json.canonicalBytesOf(entry);
        } catch (JsonException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> signature(EntryDraft draft) {
        EntryDraft unsigned = new EntryDraft(
                draft.eventId(),
                draft.type(),
                draft.occurredAt(),
                draft.serviceLayerId(),
                draft.subjectDigests(),
                draft.payload(),
                null);
        byte[] message = EventEnvelope.pae(EventEnvelope.PAYLOAD_TYPE, unsigned.canonicalBytes());
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("format", EventEnvelope.FORMAT);
        signature.put("keyId", keyId);
        signature.put("sig", Base64.getEncoder().encodeToString(sig));
        signature.put("payloadType", EventEnvelope.PAYLOAD_TYPE);
        return signature;
    }
}
