package io.serviceproof.common.blobs;

import io.serviceproof.common.PayloadTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files stored once per SHA-256. An upload is streamed into a temporary file on this node while it is
 * hashed and counted, so memory stays flat whatever the size; only a complete, checked file is kept,
 * and an identical one already kept is simply reused. Blob names are digests, never user input.
 * Evidence files, event imports and finished dossiers are kept here. Where they are kept is configuration
 * ({@code serviceproof.blobs.store}): {@code folder}, {@code <data-dir>/blobs/ab/abcdef…}, the
 * default for one node, or {@code database}, chunks in the database every node shares (ADR 024).
 */
@Component
public class BlobStore {

    public static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path staging;
    private final BlobStorage storage;
    /** Looked up when forgetting, not at construction: the modules that refer to blobs also store them. */
    private final ObjectProvider<BlobReferences> references;

    BlobStore(
            @Value("${serviceproof.data-dir}") Path dataDir,
            @Value("${serviceproof.blobs.store:folder}") String store,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Clock clock,
            ObjectProvider<BlobReferences> references)
            throws IOException {
        this.references = references;
        Path root = dataDir.resolve("blobs");
        this.staging = root.resolve("staging");
        Files.createDirectories(staging);
        this.storage = switch (store) {
            case "folder" -> new FolderStorage(root);
            case "database" -> new DatabaseStorage(jdbc, transaction, clock);
            default -> throw new IllegalArgumentException("serviceproof.blobs.store: folder or database, not " + store);
        };
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
                java.io.FileOutputStream out = new java.io.FileOutputStream(file.toFile())) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new PayloadTooLargeException(what + " are limited to " + maxBytes + " bytes.");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            // On disk before anyone is told the file is kept (the folder store moves it into place).
            out.getFD().sync();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("the upload could not be read to its end", io);
            }
            throw (RuntimeException) e;
        }
        return new Staged(file, HexFormat.of().formatHex(digest.digest()), size);
    }

    /** Keeps a staged file under its digest; an identical file already kept is reused. */
    public void keep(Staged staged) {
        requireDigest(staged.sha256);
        try {
            storage.put(staged.sha256, staged.file, staged.size);
            staged.kept = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream open(String sha256) throws IOException {
        return storage.open(requireDigest(sha256));
    }

    /**
     * Deletes a blob its holder no longer needs, unless any module still refers to the same bytes.
     * The holder drops its own reference first. Returns whether the blob was deleted.
     */
    public boolean forget(String sha256) {
        requireDigest(sha256);
        if (references.stream().anyMatch(holder -> holder.refersTo(sha256))) {
            return false;
        }
        try {
            storage.delete(sha256);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Re-hashes the stored bytes: false if they are missing or no longer match their name. */
    public boolean intact(String sha256) {
        if (!storage.exists(requireDigest(sha256))) {
            return false;
        }
        MessageDigest digest = sha256();
        try (InputStream in = storage.open(sha256)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            return false;
        }
        return HexFormat.of().formatHex(digest.digest()).equals(sha256);
    }

    private static String requireDigest(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
        return sha256;
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
