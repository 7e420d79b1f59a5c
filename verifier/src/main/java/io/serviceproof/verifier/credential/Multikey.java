package io.serviceproof.verifier.credential;

import io.serviceproof.verifier.note.Ed25519;
import java.util.Arrays;

/**
 * Ed25519 keys as Multikey strings: {@code z} + base58btc(multicodec prefix ‖ key), with prefix
 * 0xed01 for a public key ({@code z6Mk…}) and 0x8026 for a secret seed ({@code z3u2…}); and the
 * {@code did:key} identifiers built from them.
 */
public final class Multikey {

    private static final byte[] PUBLIC = {(byte) 0xed, 0x01};
    private static final byte[] SECRET = {(byte) 0x80, 0x26};

    private Multikey() {}

    public static String encodePublic(byte[] raw) {
        return encode(PUBLIC, raw);
    }

    public static byte[] decodePublic(String multibase) {
        return decode(PUBLIC, multibase, "Ed25519 public key (z6Mk…)");
    }

    public static String encodeSecret(byte[] seed) {
        return encode(SECRET, seed);
    }

    public static byte[] decodeSecret(String multibase) {
        return decode(SECRET, multibase, "Ed25519 secret key (z3u2…)");
    }

    /** {@code did:key:z6Mk…#z6Mk…}: the verification method a did:key names for its key. */
    public static String didKeyMethod(byte[] rawPublic) {
        String key = encodePublic(rawPublic);
        return "did:key:" + key + "#" + key;
    }

    /** The public key a {@code did:key} verification method carries in itself. */
    public static byte[] fromDidKey(String verificationMethod) {
        if (!verificationMethod.startsWith("did:key:")) {
            throw new IllegalArgumentException("not a did:key verification method");
        }
        String id = verificationMethod.substring("did:key:".length());
        int hash = id.indexOf('#');
        String key = hash < 0 ? id : id.substring(0, hash);
        if (hash >= 0 && !id.substring(hash + 1).equals(key)) {
            throw new IllegalArgumentException("a did:key fragment must repeat the key");
        }
        return decodePublic(key);
    }

    private static String encode(byte[] prefix, byte[] raw) {
        if (raw.length != Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 key is 32 bytes");
        }
        byte[] bytes = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, bytes, prefix.length, raw.length);
        return "z" + Base58.encode(bytes);
    }

    private static byte[] decode(byte[] prefix, String multibase, String what) {
        if (multibase == null || !multibase.startsWith("z")) {
            throw new IllegalArgumentException("not a base58btc multibase " + what);
        }
        byte[] bytes = Base58.decode(multibase.substring(1));
        if (bytes.length != prefix.length + Ed25519.KEY_SIZE || bytes[0] != prefix[0] || bytes[1] != prefix[1]) {
            throw new IllegalArgumentException("not an " + what);
        }
        return Arrays.copyOfRange(bytes, prefix.length, bytes.length);
    }
}
