package io.serviceproof.verifier.witness;

import io.serviceproof.verifier.note.Ed25519;
import io.serviceproof.verifier.note.KeyIds;
import io.serviceproof.verifier.note.Names;
import io.serviceproof.verifier.note.NoteSignature;
import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * A witness's public key for {@code cosignature/v1}, as a vkey of signature type 0x04:
 * {@code <name>+<key ID>+base64(0x04 || 32-byte Ed25519 key)}, the key ID being
 * SHA-256(name || 0x0A || 0x04 || key)[:4].
 */
public final class CosignerKey {

    /** Key ID, timestamp, Ed25519 signature. */
    static final int SIGNATURE_BYTES = 8 + Ed25519.SIGNATURE_SIZE;

    private final String name;
    private final long keyId;
    private final byte[] rawKey;
    private final PublicKey publicKey;

    private CosignerKey(String name, byte[] rawKey) {
        this.name = name;
        this.rawKey = rawKey.clone();
        this.keyId = KeyIds.of(name, KeyIds.COSIGNATURE_V1, rawKey);
        this.publicKey = Ed25519.publicKey(rawKey);
    }

    public static CosignerKey of(String name, byte[] rawPublicKey) {
        if (!Names.isValid(name)) {
            throw new IllegalArgumentException("invalid witness name: " + name);
        }
        return new CosignerKey(name, rawPublicKey);
    }

    /** Parses a cosigner vkey; refuses any other signature type and a key ID that does not match. */
    public static CosignerKey parse(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3 || !Names.isValid(parts[0]) || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("not a witness key (<name>+<8 hex digits>+<base64>): " + vkey.strip());
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("witness key material is not standard base64");
        }
        if (typed.length != 1 + Ed25519.KEY_SIZE || typed[0] != KeyIds.COSIGNATURE_V1) {
            throw new IllegalArgumentException(
                    "a witness key is of type 0x04 (cosignature/v1, Ed25519): 33 bytes starting with 0x04");
        }
        CosignerKey key = new CosignerKey(parts[0], Arrays.copyOfRange(typed, 1, typed.length));
        if (key.keyId != Long.parseLong(parts[1], 16)) {
            throw new IllegalArgumentException("witness key ID " + parts[1] + " does not match its name and key");
        }
        return key;
    }

    public String name() {
        return name;
    }

    public long keyId() {
        return keyId;
    }

    /** Whether a signature line claims to be from this key (same name and key ID). */
    public boolean matches(NoteSignature signature) {
        return signature.name().equals(name) && signature.keyId() == keyId;
    }

    /**
     * The cosignature's timestamp if {@code signature} (a line from this key) is a valid
     * {@code cosignature/v1} over the checkpoint text; empty if it is not.
     */
    public OptionalLong verify(String checkpointText, NoteSignature signature) {
        byte[] bytes = signature.signature();
        if (!matches(signature) || bytes.length != SIGNATURE_BYTES) {
            return OptionalLong.empty();
        }
        long timestamp = ByteBuffer.wrap(bytes, 0, 8).getLong();
        if (timestamp < 0) {
            return OptionalLong.empty();
        }
        byte[] ed25519 = Arrays.copyOfRange(bytes, 8, bytes.length);
        return Ed25519.verify(publicKey, Cosignatures.message(timestamp, checkpointText), ed25519)
                ? OptionalLong.of(timestamp)
                : OptionalLong.empty();
    }

    @Override
    public String toString() {
        byte[] typed = new byte[1 + rawKey.length];
        typed[0] = KeyIds.COSIGNATURE_V1;
        System.arraycopy(rawKey, 0, typed, 1, rawKey.length);
        return name + "+" + KeyIds.hex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CosignerKey key && key.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
