package io.serviceproof.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that seals every private key at rest (log keys, credential-issuing keys) (AES-256-GCM, the organisation id as
 * associated data so a sealed key cannot be moved to another organisation). Taken from
 * {@code SERVICEPROOF_MASTER_KEY} (32 bytes, base64); without it, the embedded default keeps one in
 * {@code <data dir>/master.key}, created on first use, readable by the owner only.
 */
@Component
public class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    MasterKey(
            @Value("${serviceproof.master-key:}") String configured,
            @Value("${serviceproof.master-key-file:}") String keyFile,
            @Value("${serviceproof.data-dir}") Path dataDir) {
        if (!configured.isBlank()) {
            this.key = new SecretKeySpec(decode(configured), "AES");
        } else if (!keyFile.isBlank()) {
            this.key = new SecretKeySpec(readExisting(Path.of(keyFile)), "AES");
        } else {
            Path beside = dataDir.resolve("master.key");
            this.key = new SecretKeySpec(fromFile(beside), "AES");
            // Said at every start, not only the first: this is the one setting that decides whether a
            // copy of the data folder is enough to re-sign a log's history.
            log.warn(
                    "The master key is kept in the data folder ({}): anyone holding a copy of that folder can unseal the "
                            + "log keys and re-sign history. Keep it elsewhere (SERVICEPROOF_MASTER_KEY or "
                            + "SERVICEPROOF_MASTER_KEY_FILE) and let independent witnesses cosign the log (docs/operations.md, Witnesses).",
                    beside.toAbsolutePath());
        }
    }

    private static byte[] readExisting(Path file) {
        try {
            return decode(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the master key file " + file + " (SERVICEPROOF_MASTER_KEY_FILE)", e);
        }
    }

    /** Seals a secret; {@code associatedData} binds it to its owner and purpose. */
    public byte[] seal(byte[] secret, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, secret, associatedData);
        byte[] out = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return out;
    }

    public byte[] unseal(byte[] sealed, String associatedData) {
        byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
        return crypt(Cipher.DECRYPT_MODE, nonce, body, associatedData);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot unseal a key: wrong master key, or the sealed key was altered", e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SERVICEPROOF_MASTER_KEY must be base64 (e.g. openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("SERVICEPROOF_MASTER_KEY must decode to 32 bytes, not " + bytes.length);
        }
        return bytes;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's permissions apply.
            }
            log.warn(
                    "No SERVICEPROOF_MASTER_KEY set: created {}. Back it up with the database; set the variable in production.",
                    file.toAbsolutePath());
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }
}
