package io.serviceproof.verifier.dossier;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a zip so that no other tool can see different files in it. Zip has two descriptions of its
 * contents — the local header in front of each entry, read by streaming readers, and the central
 * directory at the end, read by unzip, 7-Zip, Python and {@code java.util.zip.ZipFile} — and an
 * archive whose two descriptions differ shows one set of files to the verifier and another to the
 * person who opens it. So this reader reads the central directory, then requires that every local
 * header agrees with it field by field, that the entries follow one another from byte 0 to the
 * directory with no gap, overlap or extra bytes, and that there is exactly one end record with no
 * comment. ZIP64, encryption, methods other than stored and deflate, multi-disk archives and names
 * outside {@code [A-Za-z0-9._-]} path segments (which rules out {@code ..}, absolute and backslash
 * paths, and Unicode look-alikes) are refused, each with a named reason.
 *
 * <p>Every entry is inflated once, streaming, with its CRC-32, size and SHA-256 checked; only the
 * entries the caller asks to keep (small metadata) are held in memory, so memory stays bounded
 * whatever the archive's size.
 */
public final class StrictZip {

    /** Kept entries (manifest, credential, keys, proofs) are small; a larger one is refused. */
    public static final int MAX_KEPT_BYTES = 8 << 20;

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int END_SIZE = 22;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    /** One file of the archive: its digest and size, and its bytes when it was kept. */
    public record Entry(String name, byte[] sha256, long size, byte[] bytes) {}

    private record Central(
            String name,
            byte[] rawName,
            int flags,
            int method,
            long crc,
            long compressedSize,
            long size,
            long localOffset) {}

    private StrictZip() {}

    /** As {@link #read(SeekableByteChannel, Predicate)}, for an archive already in memory. */
    public static Map<String, Entry> read(byte[] zip, Predicate<String> keep) {
        try {
            return read(new BytesChannel(zip), keep);
        } catch (IOException e) {
            throw new IllegalStateException("reading memory cannot fail", e);
        }
    }

    /**
     * The archive's files in central-directory order; throws {@link IllegalArgumentException} with
     * the reason when the archive is not one every reader sees the same way, or is over the limits.
     */
    public static Map<String, Entry> read(SeekableByteChannel zip, Predicate<String> keep) throws IOException {
        long size = zip.size();
        if (size < END_SIZE) {
            throw new IllegalArgumentException("not a zip: too short");
        }
        ByteBuffer end = readAt(zip, size - END_SIZE, END_SIZE);
        if (end.getInt(0) != END) {
            throw new IllegalArgumentException(
                    "no end record where it must be: an archive comment, or bytes after the archive, are not accepted");
        }
        int disk = u16(end, 4);
        int directoryDisk = u16(end, 6);
        int entriesHere = u16(end, 8);
        int entries = u16(end, 10);
        long directorySize = u32(end, 12);
        long directoryOffset = u32(end, 16);
        if (entries == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
            throw new IllegalArgumentException("ZIP64 archives are not accepted");
        }
        if (disk != 0 || directoryDisk != 0 || entriesHere != entries) {
            throw new IllegalArgumentException("multi-disk archives are not accepted");
        }
        if (entries == 0) {
            throw new IllegalArgumentException("not a zip, or an empty one");
        }
        if (entries > DossierFormat.MAX_ENTRIES) {
            throw new IllegalArgumentException("more than " + DossierFormat.MAX_ENTRIES + " entries");
        }
        if (directoryOffset + directorySize != size - END_SIZE) {
            throw new IllegalArgumentException("bytes between the central directory and the end record");
        }
        List<Central> directory = centralDirectory(zip, directoryOffset, directorySize, entries);
        checkLayout(zip, directory, directoryOffset);
        Map<String, Entry> files = new LinkedHashMap<>();
        long total = 0;
        for (Central c : directory) {
            total += c.size();
            if (total > DossierFormat.MAX_TOTAL_BYTES) {
                throw new IllegalArgumentException("expands beyond " + DossierFormat.MAX_TOTAL_BYTES + " bytes");
            }
            boolean kept = keep.test(c.name());
            if (kept && c.size() > MAX_KEPT_BYTES) {
                throw new IllegalArgumentException(c.name() + " is larger than " + MAX_KEPT_BYTES + " bytes");
            }
            files.put(c.name(), inflate(zip, c, kept));
        }
        return files;
    }

    private static List<Central> centralDirectory(SeekableByteChannel zip, long offset, long length, int entries)
            throws IOException {
        if (length > (long) entries * (46 + 3 * 0xFFFF)) {
            throw new IllegalArgumentException("the central directory is larger than its entries");
        }
        ByteBuffer cd = readAt(zip, offset, (int) length);
        List<Central> directory = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int at = 0;
        for (int i = 0; i < entries; i++) {
            if (at + 46 > length || cd.getInt(at) != CENTRAL) {
                throw new IllegalArgumentException("the central directory is cut short or malformed");
            }
            int flags = u16(cd, at + 8);
            int method = u16(cd, at + 10);
            long crc = u32(cd, at + 16);
            long compressed = u32(cd, at + 20);
            long uncompressed = u32(cd, at + 24);
            int nameLength = u16(cd, at + 28);
            int extraLength = u16(cd, at + 30);
            int commentLength = u16(cd, at + 32);
            int startDisk = u16(cd, at + 34);
            long localOffset = u32(cd, at + 42);
            if (at + 46 + nameLength + extraLength + commentLength > length) {
                throw new IllegalArgumentException("the central directory is cut short");
            }
            byte[] rawName = new byte[nameLength];
            cd.get(at + 46, rawName);
            String name = name(rawName);
            checkEntry(name, flags, method, compressed, uncompressed, localOffset, commentLength, startDisk);
            if (!names.add(name)) {
                throw new IllegalArgumentException("duplicate entry: " + name);
            }
            directory.add(new Central(name, rawName, flags, method, crc, compressed, uncompressed, localOffset));
            at += 46 + nameLength + extraLength + commentLength;
        }
        if (at != length) {
            throw new IllegalArgumentException("the central directory holds more than its entries");
        }
        return directory;
    }

    private static void checkEntry(
            String name,
            int flags,
            int method,
            long compressed,
            long size,
            long localOffset,
            int commentLength,
            int startDisk) {
        if ((flags & 0x1) != 0 || (flags & 0x40) != 0) {
            throw new IllegalArgumentException(name + " is encrypted");
        }
        if (method != 0 && method != 8) {
            throw new IllegalArgumentException(
                    name + " uses compression method " + method + " (only stored and deflate)");
        }
        if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || localOffset == 0xFFFFFFFFL) {
            throw new IllegalArgumentException("ZIP64 archives are not accepted");
        }
        if (commentLength != 0) {
            throw new IllegalArgumentException(name + " has an entry comment");
        }
        if (startDisk != 0) {
            throw new IllegalArgumentException("multi-disk archives are not accepted");
        }
        if (size > DossierFormat.MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException(name + " expands beyond " + DossierFormat.MAX_ENTRY_BYTES + " bytes");
        }
        if (method == 0 && compressed != size) {
            throw new IllegalArgumentException(name + " is stored but its two sizes differ");
        }
        if (size > (1 << 20) && size > Math.max(1, compressed) * DossierFormat.MAX_RATIO) {
            throw new IllegalArgumentException(name + " expands more than " + DossierFormat.MAX_RATIO
                    + " times its compressed size: an archive bomb");
        }
    }

    /** The name as UTF-8, and only as a plain relative path of safe characters. */
    static String name(byte[] raw) {
        String name;
        try {
            name = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("an entry name is not UTF-8");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("unsafe entry name: " + printable(name));
        }
        for (String part : name.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                throw new IllegalArgumentException("entry name climbs out of the dossier: " + name);
            }
        }
        return name;
    }

    /** Entries in file order from byte 0, each local header as the directory says, no gaps. */
    private static void checkLayout(SeekableByteChannel zip, List<Central> directory, long directoryOffset)
            throws IOException {
        List<Central> byOffset = new ArrayList<>(directory);
        byOffset.sort(Comparator.comparingLong(Central::localOffset));
        long expected = 0;
        for (Central c : byOffset) {
            if (c.localOffset() != expected) {
                throw new IllegalArgumentException(
                        c.localOffset() > expected
                                ? "bytes before or between entries (at " + expected + ", before " + c.name() + ")"
                                : "entries overlap at " + c.name());
            }
            expected = checkLocal(zip, c, directoryOffset);
        }
        if (expected != directoryOffset) {
            throw new IllegalArgumentException("bytes between the last entry and the central directory");
        }
    }

    /** Checks one local header against its directory record; returns where the next entry must start. */
    private static long checkLocal(SeekableByteChannel zip, Central c, long limit) throws IOException {
        if (c.localOffset() + 30 > limit) {
            throw new IllegalArgumentException(c.name() + " lies outside the archive");
        }
        ByteBuffer local = readAt(zip, c.localOffset(), 30);
        int nameLength = u16(local, 26);
        int extraLength = u16(local, 28);
        if (local.getInt(0) != LOCAL) {
            throw new IllegalArgumentException(c.name() + ": no local header where the directory says");
        }
        byte[] rawName = new byte[nameLength];
        readAt(zip, c.localOffset() + 30, nameLength).get(rawName);
        boolean descriptor = (c.flags() & 0x8) != 0;
        if (!java.util.Arrays.equals(rawName, c.rawName())
                || u16(local, 6) != c.flags()
                || u16(local, 8) != c.method()) {
            throw new IllegalArgumentException(c.name() + ": its local header differs from the central directory");
        }
        long localCrc = u32(local, 14);
        long localCompressed = u32(local, 18);
        long localSize = u32(local, 22);
        boolean sizesAgree = descriptor
                ? (localCrc == 0 || localCrc == c.crc())
                        && (localCompressed == 0 || localCompressed == c.compressedSize())
                        && (localSize == 0 || localSize == c.size())
                : localCrc == c.crc() && localCompressed == c.compressedSize() && localSize == c.size();
        if (!sizesAgree) {
            throw new IllegalArgumentException(c.name() + ": its local sizes or CRC differ from the central directory");
        }
        long next = c.localOffset() + 30 + nameLength + extraLength + c.compressedSize();
        if (descriptor) {
            next = checkDescriptor(zip, c, next, limit);
        }
        if (next > limit) {
            throw new IllegalArgumentException(c.name() + " runs into the central directory");
        }
        return next;
    }

    /** A data descriptor after the data must repeat the directory's CRC and sizes. */
    private static long checkDescriptor(SeekableByteChannel zip, Central c, long at, long limit) throws IOException {
        if (at + 12 > limit) {
            throw new IllegalArgumentException(c.name() + ": its data descriptor is cut short");
        }
        int length = at + 16 <= limit && readAt(zip, at, 4).getInt(0) == DESCRIPTOR ? 16 : 12;
        ByteBuffer d = readAt(zip, at + length - 12, 12);
        if (u32(d, 0) != c.crc() || u32(d, 4) != c.compressedSize() || u32(d, 8) != c.size()) {
            throw new IllegalArgumentException(c.name() + ": its data descriptor differs from the central directory");
        }
        return at + length;
    }

    private static Entry inflate(SeekableByteChannel zip, Central c, boolean keep) throws IOException {
        ByteBuffer local = readAt(zip, c.localOffset() + 26, 4);
        long dataStart = c.localOffset() + 30 + u16(local, 0) + u16(local, 2);
        MessageDigest sha256 = sha256();
        CRC32 crc = new CRC32();
        java.io.ByteArrayOutputStream kept = keep ? new java.io.ByteArrayOutputStream() : null;
        long produced = 0;
        Inflater inflater = new Inflater(true);
        try {
            byte[] out = new byte[64 * 1024];
            long remaining = c.compressedSize();
            long position = dataStart;
            while (remaining > 0 || (c.method() == 8 && !inflater.finished())) {
                int chunk = (int) Math.min(remaining, 64 * 1024);
                byte[] in = new byte[chunk];
                readAt(zip, position, chunk).get(in);
                position += chunk;
                remaining -= chunk;
                if (c.method() == 0) {
                    produced = consume(in, chunk, produced, c, sha256, crc, kept);
                    continue;
                }
                inflater.setInput(in);
                while (!inflater.needsInput() && !inflater.finished()) {
                    int n = inflater.inflate(out);
                    produced = consume(out, n, produced, c, sha256, crc, kept);
                    if (n == 0 && inflater.needsDictionary()) {
                        throw new IllegalArgumentException(c.name() + " cannot be inflated");
                    }
                }
                if (remaining == 0 && !inflater.finished()) {
                    throw new IllegalArgumentException(c.name() + ": its compressed data ends early");
                }
            }
            if (c.method() == 8 && inflater.getRemaining() > 0) {
                throw new IllegalArgumentException(c.name() + ": bytes after its compressed data");
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException(c.name() + " cannot be inflated: " + e.getMessage());
        } finally {
            inflater.end();
        }
        if (produced != c.size() || crc.getValue() != c.crc()) {
            throw new IllegalArgumentException(c.name() + ": its size or CRC is not what the archive declares");
        }
        return new Entry(c.name(), sha256.digest(), produced, keep ? kept.toByteArray() : null);
    }

    private static long consume(
            byte[] bytes,
            int n,
            long produced,
            Central c,
            MessageDigest sha256,
            CRC32 crc,
            java.io.ByteArrayOutputStream kept) {
        long total = produced + n;
        if (total > c.size()) {
            throw new IllegalArgumentException(c.name() + " expands beyond its declared size");
        }
        sha256.update(bytes, 0, n);
        crc.update(bytes, 0, n);
        if (kept != null) {
            kept.write(bytes, 0, n);
        }
        return total;
    }

    private static ByteBuffer readAt(SeekableByteChannel zip, long position, int length) throws IOException {
        if (position < 0 || position + length > zip.size()) {
            throw new IllegalArgumentException("the archive is cut short");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        zip.position(position);
        while (buffer.hasRemaining()) {
            if (zip.read(buffer) < 0) {
                throw new IllegalArgumentException("the archive is cut short");
            }
        }
        return buffer.flip();
    }

    private static int u16(ByteBuffer b, int at) {
        return Short.toUnsignedInt(b.getShort(at));
    }

    private static long u32(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at));
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u%04X", cp));
            }
        });
        return out.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
