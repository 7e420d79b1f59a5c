package io.serviceproof.evidence;

import io.serviceproof.common.UnprocessableDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Refuses archives that would explode when someone opens them: ZIP-based files (zip, docx, xlsx,
 * jar…) and gzip are inflated once, without writing anything, and rejected when they expand beyond
 * {@link #MAX_INFLATED} bytes, or more than {@link #MAX_RATIO} times over (past the first
 * {@link #RATIO_GRACE} bytes, so small text archives pass), hold more than {@link #MAX_ENTRIES}
 * entries, or repeat an entry name (a trick to show one file to one tool and another to the next).
 * Archives inside archives are not opened.
 */
final class ArchiveGuard {

    static final long MAX_INFLATED = 4L * 1024 * 1024 * 1024;
    static final int MAX_RATIO = 100;
    static final long RATIO_GRACE = 10L * 1024 * 1024;
    static final int MAX_ENTRIES = 20_000;

    private ArchiveGuard() {}

    static void check(Path file, long size) {
        byte[] magic = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(magic, 0, 4);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (read >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            checkZip(file, size);
        } else if (read >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            checkGzip(file, size);
        }
    }

    private static void checkZip(Path file, long size) {
        Set<String> names = new HashSet<>();
        long inflated = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (names.size() >= MAX_ENTRIES) {
                    throw reject("the archive holds more than " + MAX_ENTRIES + " entries");
                }
                if (!names.add(entry.getName())) {
                    throw reject("the archive holds two entries named '" + entry.getName() + "'");
                }
                for (int n; (n = zip.read(buffer)) >= 0; ) {
                    inflated += n;
                    checkExpansion(inflated, size);
                }
            }
        } catch (IOException e) {
            throw reject("it looks like a ZIP archive but cannot be read: " + e.getMessage());
        }
    }

    private static void checkGzip(Path file, long size) {
        long inflated = 0;
        try (InputStream gzip = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = gzip.read(buffer)) >= 0; ) {
                inflated += n;
                checkExpansion(inflated, size);
            }
        } catch (IOException e) {
            throw reject("it looks like a gzip file but cannot be read: " + e.getMessage());
        }
    }

    private static void checkExpansion(long inflated, long size) {
        if (inflated > MAX_INFLATED) {
            throw reject("the archive expands beyond " + MAX_INFLATED + " bytes");
        }
        if (inflated > RATIO_GRACE && inflated > (long) MAX_RATIO * Math.max(size, 1)) {
            throw reject("the archive expands more than " + MAX_RATIO + " times its size (an archive bomb)");
        }
    }

    private static UnprocessableDocumentException reject(String why) {
        return new UnprocessableDocumentException(
                "archive rejected: " + why, List.of(new UnprocessableDocumentException.Problem("file", why)));
    }
}
