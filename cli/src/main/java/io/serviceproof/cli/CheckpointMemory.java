package io.serviceproof.cli;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.SignedNote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What the verifier remembers between runs: for each log (its verifier key, which names the
 * origin), the latest checkpoint it verified and since when it has seen that size. Each run checks
 * the log's current checkpoint against it, so a log rolled back or forked since the last run is
 * caught even by a user who saved nothing by hand. One file per log:
 * {@code serviceproof-verify memory v1}, {@code seen <epoch seconds>}, then the signed note.
 */
final class CheckpointMemory {

    private static final String HEADER = "serviceproof-verify memory v1";

    record Remembered(String note, Checkpoint checkpoint, Instant seenSince) {}

    private final Path folder;

    private CheckpointMemory(Path folder) {
        this.folder = folder;
    }

    static CheckpointMemory at(Path folder) {
        return new CheckpointMemory(folder);
    }

    /** No memory: {@code --no-state}. */
    static CheckpointMemory none() {
        return new CheckpointMemory(null);
    }

    boolean enabled() {
        return folder != null;
    }

    String where() {
        return folder == null ? "nowhere" : folder.toString();
    }

    Optional<Remembered> recall(String logKey) throws IOException {
        if (folder == null) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file(logKey), StandardCharsets.UTF_8);
        } catch (NoSuchFileException never) {
            return Optional.empty();
        }
        String[] parts = text.split("\n", 3);
        if (parts.length != 3 || !parts[0].equals(HEADER) || !parts[1].matches("seen [0-9]{1,19}")) {
            throw new IOException("the remembered checkpoint " + file(logKey) + " is not in the memory format");
        }
        try {
            Checkpoint checkpoint = Checkpoint.parse(SignedNote.parse(parts[2]).text());
            return Optional.of(
                    new Remembered(parts[2], checkpoint, Instant.ofEpochSecond(Long.parseLong(parts[1].substring(5)))));
        } catch (MalformedNoteException e) {
            throw new IOException("the remembered checkpoint " + file(logKey) + " is damaged: " + e.getMessage());
        }
    }

    void remember(String logKey, String note, Instant seenSince) throws IOException {
        if (folder == null) {
            return;
        }
        Files.createDirectories(folder);
        Path target = file(logKey);
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(
                temporary, HEADER + "\nseen " + seenSince.getEpochSecond() + "\n" + note, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path file(String logKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(logKey.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".checkpoint");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
