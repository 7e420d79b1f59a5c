package io.serviceproof.verifier.tiles;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** An entry bundle: up to 256 entries, each prefixed by its length as a big-endian uint16. */
public final class EntryBundle {

    public static final int MAX_ENTRY_SIZE = 0xFFFF;

    private EntryBundle() {}

    public static byte[] encode(List<byte[]> entries) {
        if (entries.size() > TilePath.FULL) {
            throw new IllegalArgumentException("an entry bundle holds at most 256 entries");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            if (entry.length > MAX_ENTRY_SIZE) {
                throw new IllegalArgumentException("an entry is at most 65535 bytes");
            }
            out.write(entry.length >>> 8);
            out.write(entry.length & 0xFF);
            out.writeBytes(entry);
        }
        return out.toByteArray();
    }

    /** Decodes a bundle that must hold exactly {@code expected} entries. */
    public static List<byte[]> decode(byte[] bundle, int expected) {
        List<byte[]> entries = new ArrayList<>();
        int position = 0;
        while (position < bundle.length) {
            if (position + 2 > bundle.length) {
                throw new IllegalArgumentException("entry bundle ends inside a length prefix");
            }
            int length = ((bundle[position] & 0xFF) << 8) | (bundle[position + 1] & 0xFF);
            position += 2;
            if (position + length > bundle.length) {
                throw new IllegalArgumentException("entry " + entries.size() + " runs past the end of the bundle");
            }
            entries.add(java.util.Arrays.copyOfRange(bundle, position, position + length));
            position += length;
        }
        if (entries.size() != expected) {
            throw new IllegalArgumentException(
                    "entry bundle holds " + entries.size() + " entries, expected " + expected);
        }
        return entries;
    }
}
