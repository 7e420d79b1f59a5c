package io.serviceproof.common.blobs;

import io.serviceproof.common.PayloadTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files stored once per SHA-256 under {@code <data-dir>/blobs/ab/abcdef…}. An upload is streamed
 * into a temporary file while it is hashed and counted, so memory stays flat whatever the size;
 * only a complete, checked file is moved into place, atomically, and an identical file already
 * there is simply reused. Blob names are digests, never user input. Evidence files and event
 * imports are kept here.
 */
@Component
public class BlobStore {

    public static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path staging;

    BlobStore(@Value("${serviceproof.data-dir}") Path dataDir) throws IOException {
        this.root = dataDir.resolve("blobs");
        this.staging = root.resolve("staging");
        Files.createDirectories(staging);
    }

    /** A file received but not yet kept; closing it without {@link #keep} deletes it. */
    public final class Staged implements AutoCloseable {
        private final Path file;
        private final String sha256;
        private final long size;
        private boolean kept;

        private Staged(Path file, String sha256, long size) {
            this.file = file;
            this.sha256 = sha256;
            this.size = size;
        }

        public String sha256() {
            return sha256;
        }

        public long size() {
            return size;
        }

        public Path file() {
            return file;
        }

        @Override
        public void close() {
            if (!kept) {
                deleteQuietly(file);
            }
        }
    }

    /** Reads {@code in} to its end into staging, refusing more than {@code maxBytes}. */
    public Staged stage(InputStream in, long maxBytes) {
        return stage(in, maxBytes, "Evidence files");
    }

    /** As {@link #stage(InputStream, long)}; {@code what} names the files in the refusal. */
    public Staged stage(InputStream in, long maxBytes, String what) {
        Path file;
        try {
            file = Files.createTempFile(staging, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MessageDigest digest = sha256();
        long size = 0;
        try (in;
                OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new PayloadTooLargeException(what + " are limited to " + maxBytes + " bytes.");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("the upload could not be read to its end", io);
            }
            throw (RuntimeException) e;
        }
        return new Staged(file, HexFormat.of().formatHex(digest.digest()), size);
    }

    /** Moves a staged file into place; an identical file already stored is reused. */
    public void keep(Staged staged) {
        Path target = path(staged.sha256);
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                deleteQuietly(staged.file);
            } else {
                try {
                    Files.move(staged.file, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    deleteQuietly(staged.file);
                }
            }
            staged.kept = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    /** Re-hashes the stored file: false if it is missing or its bytes no longer match its name. */
    public boolean intact(String sha256) {
        Path file = path(sha256);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            return false;
        }
        return HexFormat.of().formatHex(digest.digest()).equals(sha256);
    }

    public Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover staging file holds nothing anyone relies on.
        }
    }
}
