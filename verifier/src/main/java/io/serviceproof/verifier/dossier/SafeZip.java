package io.serviceproof.verifier.dossier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a zip into memory without ever writing to disk, refusing what a hostile archive does: names
 * that climb out of the folder or are absolute, duplicate names, too many entries, entries or a
 * total past the limits, and compression ratios of a bomb. The limits are checked on the bytes
 * actually inflated, not on sizes the archive declares.
 */
public final class SafeZip {

    private SafeZip() {}

    /** The entries by name, in archive order; throws IllegalArgumentException naming the problem. */
    public static Map<String, byte[]> read(InputStream zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        // Sizes in the archive's headers are the archive's word (and often absent): count what is read.
        Counting counted = new Counting(zip);
        try (ZipInputStream in = new ZipInputStream(counted)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                checkName(name);
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.containsKey(name)) {
                    throw new IllegalArgumentException("duplicate entry: " + name);
                }
                if (entries.size() >= DossierFormat.MAX_ENTRIES) {
                    throw new IllegalArgumentException("more than " + DossierFormat.MAX_ENTRIES + " entries");
                }
                byte[] bytes = inflate(in, name, counted);
                total += bytes.length;
                if (total > DossierFormat.MAX_TOTAL_BYTES) {
                    throw new IllegalArgumentException("expands beyond " + DossierFormat.MAX_TOTAL_BYTES + " bytes");
                }
                entries.put(name, bytes);
            }
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException("not a readable zip: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("not a zip, or an empty one");
        }
        return entries;
    }

    static void checkName(String name) {
        if (name.isEmpty()
                || name.startsWith("/")
                || name.startsWith("\\")
                || name.contains("\\")
                || name.matches("^[A-Za-z]:.*")
                || name.contains("\0")) {
            throw new IllegalArgumentException("unsafe entry name: " + name);
        }
        for (String part : name.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                throw new IllegalArgumentException("entry name climbs out of the dossier: " + name);
            }
        }
    }

    private static byte[] inflate(InputStream in, String name, Counting compressed) throws IOException {
        long start = compressed.count;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > DossierFormat.MAX_ENTRY_BYTES) {
                throw new IllegalArgumentException(
                        name + " expands beyond " + DossierFormat.MAX_ENTRY_BYTES + " bytes");
            }
            long read = Math.max(1, compressed.count - start);
            if (out.size() > (1 << 20) && out.size() > read * DossierFormat.MAX_RATIO) {
                throw new IllegalArgumentException(name + " expands more than " + DossierFormat.MAX_RATIO
                        + " times its compressed size: an archive bomb");
            }
        }
        return out.toByteArray();
    }

    /** Counts the archive's bytes as the zip reader consumes them. */
    private static final class Counting extends java.io.FilterInputStream {

        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
