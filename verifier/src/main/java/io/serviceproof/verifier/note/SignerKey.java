package io.serviceproof.verifier.note;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;

/**
 * A private key that signs notes. Its text form, as in golang.org/x/mod/sumdb/note, is
 * {@code PRIVATE+KEY+<name>+<hex key ID>+base64(0x01 || 32-byte seed)}; treat it like a password.
 */
public final class SignerKey {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final KeyPair keys;
    private final VerifierKey verifierKey;

    private SignerKey(String name, byte[] seed) {
        this.name = name;
        this.keys = Ed25519.fromSeed(seed);
        this.verifierKey = VerifierKey.of(name, Ed25519.rawPublicKey(keys.getPublic()));
    }

    /** A signer from an Ed25519 seed. */
    public static SignerKey fromSeed(String name, byte[] seed) {
        if (!Names.isValid(name)) {
            throw new IllegalArgumentException("invalid key name: " + name);
        }
        return new SignerKey(name, seed);
    }

    public static SignerKey parse(String skey) {
        if (!skey.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a signer key: it must start with PRIVATE+KEY+");
        }
        String[] parts = skey.substring(PREFIX.length()).strip().split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("not a signer key (PRIVATE+KEY+<name>+<hex id>+<base64>)");
        }
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 1 + Ed25519.KEY_SIZE || typed[0] != KeyIds.ED25519) {
            throw new IllegalArgumentException("only Ed25519 signer keys are supported");
        }
        SignerKey key = fromSeed(parts[0], Arrays.copyOfRange(typed, 1, typed.length));
        if (key.verifierKey.keyId() != Long.parseLong(parts[1], 16)) {
            throw new IllegalArgumentException("signer key ID does not match its name and key");
        }
        return key;
    }

    public String name() {
        return name;
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** Signs note text (which must end with a newline) and returns the signature line's content. */
    public NoteSignature sign(String text) {
        byte[] signature = Ed25519.sign(keys.getPrivate(), text.getBytes(StandardCharsets.UTF_8));
        return new NoteSignature(name, verifierKey.keyId(), signature);
    }

    @Override
    public String toString() {
        return "SignerKey[" + name + "]";
    }
}
