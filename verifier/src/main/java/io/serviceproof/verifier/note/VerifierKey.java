package io.serviceproof.verifier.note;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A public key that verifies notes, in the text form logs publish:
 * {@code <name>+<key ID as 8 hex digits>+base64(0x01 || 32-byte Ed25519 key)}.
 */
public final class VerifierKey {

    private final String name;
    private final long keyId;
    private final byte[] rawKey;
    private final PublicKey publicKey;

    private VerifierKey(String name, long keyId, byte[] rawKey) {
        this.name = name;
        this.keyId = keyId;
        this.rawKey = rawKey;
        this.publicKey = Ed25519.publicKey(rawKey);
    }

    /** Parses a verifier key string; rejects a key ID that does not match the name and key. */
    public static VerifierKey parse(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3 || !Names.isValid(parts[0]) || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("not a verifier key (<name>+<8 hex digits>+<base64>): " + vkey.strip());
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("verifier key material is not standard base64");
        }
        if (typed.length != 1 + Ed25519.KEY_SIZE || typed[0] != KeyIds.ED25519) {
            throw new IllegalArgumentException("only Ed25519 verifier keys (type 0x01, 32 bytes) are supported");
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, typed.length);
        long keyId = Long.parseLong(parts[1], 16);
        if (KeyIds.of(parts[0], KeyIds.ED25519, raw) != keyId) {
            throw new IllegalArgumentException("verifier key ID " + parts[1] + " does not match its name and key");
        }
        return new VerifierKey(parts[0], keyId, raw);
    }

    /** The verifier key of an Ed25519 public key under a name. */
    public static VerifierKey of(String name, byte[] rawPublicKey) {
        if (!Names.isValid(name)) {
            throw new IllegalArgumentException("invalid key name: " + name);
        }
        return new VerifierKey(name, KeyIds.of(name, KeyIds.ED25519, rawPublicKey), rawPublicKey.clone());
    }

    public String name() {
        return name;
    }

    public long keyId() {
        return keyId;
    }

    /** Whether this key signed {@code text} with {@code signature}. */
    public boolean verifies(String text, byte[] signature) {
        return Ed25519.verify(publicKey, text.getBytes(StandardCharsets.UTF_8), signature);
    }

    /** The text form, {@code <name>+<hex id>+<base64>}. */
    @Override
    public String toString() {
        byte[] typed = new byte[1 + rawKey.length];
        typed[0] = KeyIds.ED25519;
        System.arraycopy(rawKey, 0, typed, 1, rawKey.length);
        return name + "+" + KeyIds.hex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey key && key.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
