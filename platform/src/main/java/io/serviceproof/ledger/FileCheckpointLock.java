package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The embedded default's checkpoint lock: one file per log in a folder outside the database
 * ({@code <org id>.checkpoint}, the signed note), replaced by write-to-temporary, fsync, atomic
 * rename, fsync of the folder. One process owns an embedded database, so a monitor is enough to
 * make compare-and-swap atomic.
 */
final class FileCheckpointLock implements CheckpointLock {

    private final Path folder;

    FileCheckpointLock(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the checkpoint lock folder " + this.folder, e);
        }
    }

    @Override
    public synchronized Optional<String> read(OrganisationId organisation) {
        try {
            return Optional.of(Files.readString(file(organisation), StandardCharsets.UTF_8));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint lock " + file(organisation), e);
        }
    }

    @Override
    public synchronized boolean compareAndSwap(OrganisationId organisation, Optional<String> expected, String next) {
        if (!read(organisation).equals(expected)) {
            return false;
        }
        Path target = file(organisation);
        Path temporary = folder.resolve(organisation + ".checkpoint.tmp");
        try {
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(next.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IllegalStateException("the checkpoint lock folder must allow atomic renames: " + folder, e);
            }
            syncFolder();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint lock " + target, e);
        }
    }

    @Override
    public String describe() {
        return "file " + folder;
    }

    private Path file(OrganisationId organisation) {
        return folder.resolve(organisation + ".checkpoint");
    }

    /** Makes the rename itself durable (POSIX); where a folder cannot be opened, the rename stands. */
    private void syncFolder() {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a folder; its renames are already durable on NTFS.
        }
    }
}
