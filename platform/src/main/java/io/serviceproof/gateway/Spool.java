package io.serviceproof.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The gateway's store-and-forward buffer on disk: records appended to segment files and forced to
 * the device before {@link #append} returns (only then may the gateway acknowledge upstream), read
 * in order from a cursor that moves only once the server has acknowledged them. Each record is framed
 * by its length and a CRC-32C; after a crash the last segment is cut back to its last whole record, a
 * torn tail being what an append that never returned can leave. A delivered segment is deleted.
 */
final class Spool implements AutoCloseable {

    /** A position in the spool: a segment and a byte offset in it. */
    record Position(long segment, long offset) {}

    /** Records read from the cursor on, and where the cursor goes once they are delivered. */
    record Batch(List<byte[]> records, List<Position> after) {
        boolean isEmpty() {
            return records.isEmpty();
        }

        Position end() {
            return after.get(after.size() - 1);
        }
    }

    static final int MAX_RECORD_BYTES = 256 * 1024;
    private static final int HEADER = 8;

    private final Path dir;
    private final long segmentBytes;
    private Position cursor;
    private long tailSegment;
    private FileChannel tail;
    private long tailEnd;
    private long pendingRecords;
    private long pendingBytes;

    Spool(Path dir, long segmentBytes) throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        Files.createDirectories(dir);
        List<Long> segments = segments();
        cursor = readCursor().orElse(new Position(segments.isEmpty() ? 1 : segments.get(0), 0));
        tailSegment = segments.isEmpty() ? cursor.segment() : segments.get(segments.size() - 1);
        tail = FileChannel.open(
                segment(tailSegment), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        tailEnd = lastWholeRecordEnd(tail);
        tail.truncate(tailEnd);
        tail.force(true);
        tail.position(tailEnd);
        countPending(segments);
    }

    /** Appends the records and forces them to the device: once this returns they survive a crash. */
    synchronized void append(List<byte[]> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        for (byte[] record : records) {
            if (record.length > MAX_RECORD_BYTES) {
                throw new IllegalArgumentException("a record is at most " + MAX_RECORD_BYTES + " bytes");
            }
            if (tailEnd >= segmentBytes) {
                roll();
            }
            CRC32C crc = new CRC32C();
            crc.update(record);
            ByteBuffer frame = ByteBuffer.allocate(HEADER + record.length);
            frame.putInt(record.length).putInt((int) crc.getValue()).put(record).flip();
            while (frame.hasRemaining()) {
                tail.write(frame);
            }
            tailEnd += HEADER + record.length;
            pendingRecords++;
            pendingBytes += HEADER + record.length;
        }
        tail.force(false);
    }

    /** Up to {@code maxRecords} records from the cursor on (never a record not yet forced). */
    synchronized Batch read(int maxRecords, int maxBytes) throws IOException {
        List<byte[]> records = new ArrayList<>();
        List<Position> after = new ArrayList<>();
        Position at = cursor;
        int bytes = 0;
        while (records.size() < maxRecords && bytes < maxBytes) {
            long end = at.segment() == tailSegment ? tailEnd : Files.size(segment(at.segment()));
            if (at.offset() >= end) {
                if (at.segment() >= tailSegment) {
                    break;
                }
                at = new Position(at.segment() + 1, 0);
                continue;
            }
            try (FileChannel in = FileChannel.open(segment(at.segment()), StandardOpenOption.READ)) {
                in.position(at.offset());
                while (records.size() < maxRecords && bytes < maxBytes && at.offset() < end) {
                    byte[] record = readRecord(in);
                    if (record == null) {
                        throw new IOException("spool segment " + at.segment() + " is damaged at " + at.offset());
                    }
                    at = new Position(at.segment(), at.offset() + HEADER + record.length);
                    records.add(record);
                    after.add(at);
                    bytes += record.length;
                }
            }
        }
        return new Batch(records, after);
    }

    /** The server has acknowledged the batch's first {@code count} records: the cursor moves past them, durably. */
    synchronized void commit(Batch batch, int count) throws IOException {
        if (count == 0) {
            return;
        }
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes += HEADER + batch.records().get(i).length;
        }
        moveCursor(batch.after().get(count - 1), count, bytes);
    }

    private void moveCursor(Position to, int records, long bytes) throws IOException {
        Path next = dir.resolve("cursor.next");
        Files.writeString(next, to.segment() + " " + to.offset() + "\n", StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(next, dir.resolve("cursor"), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, dir.resolve("cursor"), StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory();
        cursor = to;
        pendingRecords -= records;
        pendingBytes -= bytes;
        for (long s : segments()) {
            if (s < to.segment()) {
                Files.deleteIfExists(segment(s));
            }
        }
    }

    synchronized long pendingRecords() {
        return pendingRecords;
    }

    synchronized long pendingBytes() {
        return pendingBytes;
    }

    @Override
    public synchronized void close() throws IOException {
        tail.close();
    }

    private void roll() throws IOException {
        tail.force(true);
        tail.close();
        tailSegment++;
        tail = FileChannel.open(
                segment(tailSegment), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        tailEnd = 0;
        forceDirectory();
    }

    /**
     * Where the last whole, checksummed record of a segment ends. What follows it may only be a torn
     * append (a frame cut short, or the very last frame with a bad checksum), which was never forced
     * and so never acknowledged: it is cut off. A bad frame with whole frames after it is damage to
     * acknowledged data, and the spool refuses to open rather than drop it silently.
     */
    private static long lastWholeRecordEnd(FileChannel channel) throws IOException {
        channel.position(0);
        long end = 0;
        while (readRecord(channel) != null) {
            end = channel.position();
        }
        long size = channel.size();
        if (end < size) {
            channel.position(end);
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            if (fill(channel, header)) {
                header.flip();
                long frameEnd = end + HEADER + Math.max(0, header.getInt());
                if (frameEnd < size) {
                    throw new IOException("spool segment damaged at byte " + end + " with " + (size - frameEnd)
                            + " bytes of records after it; not opening it (move it aside to start afresh)");
                }
            }
        }
        return end;
    }

    /** One framed record, or null at the end, at a short frame, or at a checksum that does not match. */
    private static byte[] readRecord(FileChannel in) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        if (!fill(in, header)) {
            return null;
        }
        header.flip();
        int length = header.getInt();
        int crc = header.getInt();
        if (length < 0 || length > MAX_RECORD_BYTES) {
            return null;
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        if (!fill(in, body)) {
            return null;
        }
        CRC32C check = new CRC32C();
        check.update(body.array());
        return (int) check.getValue() == crc ? body.array() : null;
    }

    private static boolean fill(FileChannel in, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }

    private void countPending(List<Long> segments) throws IOException {
        for (long s : segments) {
            if (s < cursor.segment()) {
                continue;
            }
            long end = s == tailSegment ? tailEnd : Files.size(segment(s));
            try (FileChannel in = FileChannel.open(segment(s), StandardOpenOption.READ)) {
                in.position(s == cursor.segment() ? cursor.offset() : 0);
                while (in.position() < end) {
                    byte[] record = readRecord(in);
                    if (record == null) {
                        break;
                    }
                    pendingRecords++;
                    pendingBytes += HEADER + record.length;
                }
            }
        }
    }

    private java.util.Optional<Position> readCursor() throws IOException {
        Path file = dir.resolve("cursor");
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        String[] parts =
                Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
        return java.util.Optional.of(new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    }

    private List<Long> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{16}\\.seg"))
                    .map(n -> Long.parseLong(n.substring(0, 16)))
                    .sorted()
                    .toList();
        }
    }

    private Path segment(long n) {
        return dir.resolve(String.format("%016d.seg", n));
    }

    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Not every file system lets a directory be opened to force it; the files themselves are forced.
        } catch (UncheckedIOException e) {
            // as above
        }
    }
}
