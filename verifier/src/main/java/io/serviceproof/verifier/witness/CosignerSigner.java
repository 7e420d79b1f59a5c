package io.serviceproof.verifier.witness;

import io.serviceproof.verifier.note.Ed25519;
import io.serviceproof.verifier.note.KeyIds;
import io.serviceproof.verifier.note.NoteSignature;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;

/**
 * A witness's private key. Text form, like a note signer key but of type 0x04:
 * {@code PRIVATE+KEY+<name>+<key ID>+base64(0x04 || 32-byte seed)}; keep it like a password.
 */
public final class CosignerSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final KeyPair keys;
    private final CosignerKey publicKey;
    private final byte[] seed;

    private CosignerSigner(String name, byte[] seed) {
        this.seed = seed.clone();
        this.keys = Ed25519.fromSeed(seed);
        this.publicKey = CosignerKey.of(name, Ed25519.rawPublicKey(keys.getPublic()));
    }

    public static CosignerSigner fromSeed(String name, byte[] seed) {
        return new CosignerSigner(name, seed);
    }

    public static CosignerSigner generate(String name) {
        return new CosignerSigner(name, Ed25519.newSeed());
    }

    public static CosignerSigner parse(String skey) {
        String text = skey.strip();
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a witness signer key: it must start with PRIVATE+KEY+");
        }
        String[] parts = text.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("not a witness signer key (PRIVATE+KEY+<name>+<hex id>+<base64>)");
        }
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 1 + Ed25519.KEY_SIZE || typed[0] != KeyIds.COSIGNATURE_V1) {
            throw new IllegalArgumentException("a witness signer key is of type 0x04 (cosignature/v1)");
        }
        CosignerSigner signer = new CosignerSigner(parts[0], Arrays.copyOfRange(typed, 1, typed.length));
        if (signer.publicKey.keyId() != Long.parseLong(parts[1], 16)) {
            throw new IllegalArgumentException("witness signer key ID does not match its name and key");
        }
        return signer;
    }

    public CosignerKey publicKey() {
        return publicKey;
    }

    /** The cosignature line's content for the checkpoint text at {@code timestamp} (POSIX seconds). */
    public NoteSignature cosign(String checkpointText, long timestamp) {
        if (timestamp < 0) {
            throw new IllegalArgumentException("a cosignature timestamp is never negative");
        }
        byte[] signature = Ed25519.sign(keys.getPrivate(), Cosignatures.message(timestamp, checkpointText));
        byte[] timestamped = ByteBuffer.allocate(8 + signature.length)
                .putLong(timestamp)
                .put(signature)
                .array();
        return new NoteSignature(publicKey.name(), publicKey.keyId(), timestamped);
    }

    /** The private key's text form. */
    public String format() {
        byte[] typed = new byte[1 + seed.length];
        typed[0] = KeyIds.COSIGNATURE_V1;
        System.arraycopy(seed, 0, typed, 1, seed.length);
        return PREFIX + publicKey.name() + "+" + KeyIds.hex(publicKey.keyId()) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    @Override
    public String toString() {
        return "CosignerSigner[" + publicKey.name() + "]";
    }
}
