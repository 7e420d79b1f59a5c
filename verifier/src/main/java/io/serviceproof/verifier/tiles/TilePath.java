package io.serviceproof.verifier.tiles;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tile's address: {@code tile/<L>/<N>[.p/<W>]} for hash tiles and {@code tile/entries/<N>[.p/<W>]}
 * for entry bundles. N is written as 3-digit groups, all but the last prefixed with {@code x}
 * ({@code 1234067} is {@code x001/x234/067}); W (1-255) is present only for partial tiles.
 *
 * @param level the tile level (0-63), or {@link #ENTRIES} for an entry bundle
 * @param width the number of hashes or entries, {@link #FULL} for a full tile
 */
public record TilePath(int level, long index, int width) {

    public static final int FULL = 256;
    public static final int ENTRIES = -1;

    private static final Pattern PATH = Pattern.compile(
            "tile/(entries|0|[1-9]|[1-5][0-9]|6[0-3])/((?:x[0-9]{3}/)*[0-9]{3})(?:\\.p/([1-9][0-9]{0,2}))?");

    public TilePath {
        if (level < ENTRIES || level > 63 || index < 0 || width < 1 || width > FULL) {
            throw new IllegalArgumentException(
                    "no such tile: level " + level + ", index " + index + ", width " + width);
        }
    }

    public boolean isEntries() {
        return level == ENTRIES;
    }

    public boolean isPartial() {
        return width < FULL;
    }

    /** The path relative to the log's prefix. */
    public String path() {
        String n = encodeIndex(index);
        String base = "tile/" + (isEntries() ? "entries" : Integer.toString(level)) + "/" + n;
        return isPartial() ? base + ".p/" + width : base;
    }

    /** Parses a path; rejects anything that is not exactly the canonical form. */
    public static TilePath parse(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a tile path: " + path);
        }
        int level = m.group(1).equals("entries") ? ENTRIES : Integer.parseInt(m.group(1));
        long index = 0;
        for (String group : m.group(2).split("/")) {
            index = Math.multiplyExact(index, 1000)
                    + Long.parseLong(group.startsWith("x") ? group.substring(1) : group);
        }
        int width = m.group(3) == null ? FULL : Integer.parseInt(m.group(3));
        if (width > 255 && m.group(3) != null) {
            throw new IllegalArgumentException("partial tile width must be 1-255: " + path);
        }
        TilePath parsed = new TilePath(level, index, width);
        // One tile, one path: "x000/001" or a level "08" would name tile 1 or level 8 a second way.
        if (!parsed.path().equals(path)) {
            throw new IllegalArgumentException(
                    "not the canonical path of its tile: " + path + " (that is " + parsed.path() + ")");
        }
        return parsed;
    }

    static String encodeIndex(long index) {
        StringBuilder out = new StringBuilder(String.format("%03d", index % 1000));
        for (long rest = index / 1000; rest > 0; rest /= 1000) {
            out.insert(0, String.format("x%03d/", rest % 1000));
        }
        return out.toString();
    }
}
