package io.serviceproof.verifier.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashing of RFC 9162 section 2.1.1: a leaf is {@code SHA-256(0x00 || entry)}, an interior node
 * {@code SHA-256(0x01 || left || right)}, and the empty tree {@code SHA-256()}. The domain
 * separation bytes make a leaf impossible to pass off as a node, and vice versa.
 */
public final class Rfc9162 {

    /** Every hash in the tree is a SHA-256 digest of this many bytes. */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private Rfc9162() {}

    /** The hash of a leaf holding {@code entry}. */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(entry);
        return sha256.digest();
    }

    /** The hash of an interior node with the given children. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** The root hash of the tree with no leaves. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** One digest per thread: looking the algorithm up for every node costs as much as hashing it. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    });

    /**
     * This thread's digest, ready for a new hash: every use here ends with {@code digest()}, which
     * resets it (a second reset cost a twentieth of signed ingest's time, in clearing its buffers).
     */
    private static MessageDigest sha256() {
        return SHA256.get();
    }
}
