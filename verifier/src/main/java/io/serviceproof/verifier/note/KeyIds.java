package io.serviceproof.verifier.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Key ID of c2sp.org/signed-note: the first four bytes of SHA-256(name || 0x0A || type || key). */
public final class KeyIds {

    /** Signature type of an Ed25519 note signature. */
    public static final byte ED25519 = 0x01;

    /** Signature type of a c2sp.org/tlog-cosignature {@code cosignature/v1} (Ed25519, timestamped). */
    public static final byte COSIGNATURE_V1 = 0x04;

    private KeyIds() {}

    public static long of(String name, byte type, byte[] publicKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(type);
            sha256.update(publicKey);
            return Integer.toUnsignedLong(ByteBuffer.wrap(sha256.digest(), 0, 4).getInt());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    public static String hex(long keyId) {
        return String.format("%08x", keyId);
    }
}
