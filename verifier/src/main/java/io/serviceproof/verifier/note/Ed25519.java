package io.serviceproof.verifier.note;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) through the JDK's own provider, with keys as the raw 32-byte values that signed
 * notes carry.
 */
public final class Ed25519 {

    /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the raw key follows it. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    public static final int KEY_SIZE = 32;
    public static final int SIGNATURE_SIZE = 64;

    private Ed25519() {}

    /** A key pair from a 32-byte seed (the private key of RFC 8032); deterministic. */
    public static KeyPair fromSeed(byte[] seed) {
        if (seed.length != KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            // The JDK generator draws exactly the seed from its random source, so a source that
            // returns our seed yields the pair RFC 8032 derives from it.
            generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required by every Java 17 runtime", e);
        }
    }

    /** A fresh random seed. */
    public static byte[] newSeed() {
        byte[] seed = new byte[KEY_SIZE];
        new SecureRandom().nextBytes(seed);
        return seed;
    }

    public static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_SIZE, encoded.length);
    }

    public static PublicKey publicKey(byte[] raw) {
        if (raw.length != KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_SIZE);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, KEY_SIZE);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static final class FixedSeed extends SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("unexpected draw of " + bytes.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
