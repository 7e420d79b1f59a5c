package io.serviceproof.identity.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: 256 random bits, recognisable by their {@code sp_} prefix (so secret scanners and
 * people can spot a leaked one). A fast hash is right here, unlike for passwords: the secret has
 * full entropy, so there is nothing to brute-force.
 */
final class TokenSecrets {

    static final String PREFIX = "sp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** What owners see of a secret: enough to tell tokens apart, far too little to use. */
    static String displayPrefix(String secret) {
        return secret.substring(0, PREFIX.length() + 6);
    }
}
