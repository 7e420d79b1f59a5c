package io.serviceproof.evidence;

import io.serviceproof.common.UnprocessableDocumentException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Refuses archives that would explode when someone opens them: ZIP-based files (zip, docx, xlsx,
 * jar…) and gzip are inflated once, without writing anything, and rejected when they expand beyond
 * {@link #MAX_INFLATED} bytes, or more than {@link #MAX_RATIO} times over (past the first
 * {@link #RATIO_GRACE} bytes, so small text archives pass), hold more than {@link #MAX_ENTRIES}
 * entries, or repeat an entry name (a trick to show one file to one tool and another to the next).
 *
 * <p>An archive is found where a reader would find it, not only by its first bytes: unzip, 7-Zip
 * and {@code java.util.zip.ZipFile} look for the end-of-central-directory record near the end and
 * accept data in front of the archive (self-extracting files), and streaming readers start at the
 * first local file header wherever it is. Both views are inflated. Bytes that merely look like a
 * header inside some other file and do not read as an archive are not an archive, and pass.
 * Archives inside archives are not opened.
 */
final class ArchiveGuard {

    static final long MAX_INFLATED = 4L * 1024 * 1024 * 1024;
    static final int MAX_RATIO = 100;
    static final long RATIO_GRACE = 10L * 1024 * 1024;
    static final int MAX_ENTRIES = 20_000;
    /** The end record is 22 bytes plus a comment of at most 65,535. */
    private static final int END_RECORD_SEARCH = 22 + 65_535;

    private ArchiveGuard() {}

    static void check(Path file, long size) {
        long firstLocalHeader = firstLocalHeader(file);
        if (firstLocalHeader == 0) {
            checkZipStream(file, 0, size, true);
        } else if (firstLocalHeader > 0) {
            checkZipStream(file, firstLocalHeader, size, false);
        }
        if (hasEndRecord(file, size)) {
            checkZipDirectory(file, size, firstLocalHeader == 0);
        }
        if (startsWithGzip(file)) {
            checkGzip(file, size);
        }
    }

    /** The offset of the first "PK\3\4" in the file, or -1. */
    private static long firstLocalHeader(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            int b0 = -1;
            int b1 = -1;
            int b2 = -1;
            long offset = 0;
            for (int b; (b = in.read()) >= 0; offset++) {
                if (b0 == 'P' && b1 == 'K' && b2 == 3 && b == 4) {
                    return offset - 3;
                }
                b0 = b1;
                b1 = b2;
                b2 = b;
            }
            return -1;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasEndRecord(Path file, long size) {
        int tail = (int) Math.min(size, END_RECORD_SEARCH);
        byte[] bytes = new byte[tail];
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(size - tail);
            in.readFully(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (int i = tail - 22; i >= 0; i--) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 5 && bytes[i + 3] == 6) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithGzip(Path file) {
        byte[] magic = new byte[2];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(magic, 0, 2) == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As a streaming reader sees it: local headers in sequence from {@code offset}. */
    private static void checkZipStream(Path file, long offset, long size, boolean strict) {
        Set<String> names = new HashSet<>();
        Inflation inflation = new Inflation(size);
        try (InputStream raw = Files.newInputStream(file)) {
            raw.skipNBytes(offset);
            try (ZipInputStream zip = new ZipInputStream(raw)) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    countEntry(names, entry.getName());
                    inflation.drain(zip);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            if (strict) {
                throw reject("it looks like a ZIP archive but cannot be read: " + e.getMessage());
            }
        }
    }

    /** As unzip, 7-Zip and ZipFile see it: the central directory, wherever the archive starts. */
    private static void checkZipDirectory(Path file, long size, boolean strict) {
        Set<String> names = new HashSet<>();
        Inflation inflation = new Inflation(size);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                countEntry(names, entry.getName());
                try (InputStream in = zip.getInputStream(entry)) {
                    inflation.drain(in);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            if (strict) {
                throw reject("it looks like a ZIP archive but cannot be read: " + e.getMessage());
            }
        }
    }

    private static void countEntry(Set<String> names, String name) {
        if (names.size() >= MAX_ENTRIES) {
            throw reject("the archive holds more than " + MAX_ENTRIES + " entries");
        }
        if (!names.add(name)) {
            throw reject("the archive holds two entries named '" + name + "'");
        }
    }

    private static void checkGzip(Path file, long size) {
        Inflation inflation = new Inflation(size);
        try (InputStream gzip = new GZIPInputStream(Files.newInputStream(file))) {
            inflation.drain(gzip);
        } catch (IOException e) {
            throw reject("it looks like a gzip file but cannot be read: " + e.getMessage());
        }
    }

    /** Counts what one view of an archive inflates to, and stops at the limits. */
    private static final class Inflation {
        private final long size;
        private final byte[] buffer = new byte[64 * 1024];
        private long inflated;

        Inflation(long size) {
            this.size = size;
        }

        void drain(InputStream in) throws IOException {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                inflated += n;
                if (inflated > MAX_INFLATED) {
                    throw reject("the archive expands beyond " + MAX_INFLATED + " bytes");
                }
                if (inflated > RATIO_GRACE && inflated > (long) MAX_RATIO * Math.max(size, 1)) {
                    throw reject("the archive expands more than " + MAX_RATIO + " times its size (an archive bomb)");
                }
            }
        }
    }

    private static UnprocessableDocumentException reject(String why) {
        return new UnprocessableDocumentException(
                "archive rejected: " + why, List.of(new UnprocessableDocumentException.Problem("file", why)));
    }
}
