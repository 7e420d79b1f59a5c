package io.serviceproof.cli.witness;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.SignedNote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A witness's memory: for each log origin, the latest checkpoint it cosigned, one file each
 * ({@code logs/<SHA-256 of the origin>.checkpoint}), replaced by write, fsync, atomic rename and
 * fsync of the folder, so what was cosigned survives a crash or restart.
 */
final class WitnessState {

    private final Path folder;

    WitnessState(Path folder) throws IOException {
        this.folder = folder.resolve("logs");
        Files.createDirectories(this.folder);
    }

    /** The latest cosigned checkpoint of the origin, if any. */
    Optional<Checkpoint> latest(String origin) {
        try {
            byte[] note = Files.readAllBytes(file(origin));
            return Optional.of(Checkpoint.parse(SignedNote.parse(note).text()));
        } catch (NoSuchFileException never) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedNoteException e) {
            throw new IllegalStateException("the witness state of " + origin + " is corrupt: " + e.getMessage(), e);
        }
    }

    void save(String origin, SignedNote checkpoint) {
        Path target = file(origin);
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(checkpoint.format().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
                directory.force(true);
            } catch (IOException | UnsupportedOperationException notOnThisSystem) {
                // Windows cannot open a folder; its renames are durable already.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist the witness state of " + origin, e);
        }
    }

    private Path file(String origin) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest) + ".checkpoint");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
