package io.serviceproof.verifier.tiles;

import io.serviceproof.verifier.tlog.NodeReader;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hash tiles: tile {@code (L, N)} holds the hashes of tree level {@code 8L}, nodes
 * {@code 256N .. 256N+W-1}, concatenated. These helpers say which tiles a tree of a given size
 * consists of and cut them out of a {@link NodeReader}.
 */
public final class Tiles {

    public static final int HEIGHT = 8;

    private Tiles() {}

    /** Every tile (full and partial) of a tree of {@code size} leaves, lowest level first. */
    public static List<TilePath> of(long size) {
        List<TilePath> tiles = new ArrayList<>();
        for (int level = 0; ; level++) {
            long nodes = size >>> (HEIGHT * level);
            if (nodes == 0) {
                break;
            }
            long full = nodes / TilePath.FULL;
            for (long n = 0; n < full; n++) {
                tiles.add(new TilePath(level, n, TilePath.FULL));
            }
            int partial = (int) (nodes % TilePath.FULL);
            if (partial > 0) {
                tiles.add(new TilePath(level, full, partial));
            }
        }
        return tiles;
    }

    /** Every entry bundle of a tree of {@code size} leaves. */
    public static List<TilePath> entryBundles(long size) {
        List<TilePath> bundles = new ArrayList<>();
        long full = size / TilePath.FULL;
        for (long n = 0; n < full; n++) {
            bundles.add(new TilePath(TilePath.ENTRIES, n, TilePath.FULL));
        }
        if (size % TilePath.FULL > 0) {
            bundles.add(new TilePath(TilePath.ENTRIES, full, (int) (size % TilePath.FULL)));
        }
        return bundles;
    }

    /** The bytes of a hash tile, read from complete-subtree hashes. */
    public static byte[] encode(TilePath tile, NodeReader nodes) {
        if (tile.isEntries()) {
            throw new IllegalArgumentException("entry bundles are not hash tiles");
        }
        byte[] bytes = new byte[tile.width() * Rfc9162.HASH_SIZE];
        for (int i = 0; i < tile.width(); i++) {
            byte[] hash = nodes.node(HEIGHT * tile.level(), tile.index() * TilePath.FULL + i);
            System.arraycopy(hash, 0, bytes, i * Rfc9162.HASH_SIZE, Rfc9162.HASH_SIZE);
        }
        return bytes;
    }

    /** The hashes in a tile's bytes. */
    public static List<byte[]> decode(TilePath tile, byte[] bytes) {
        if (bytes.length != tile.width() * Rfc9162.HASH_SIZE) {
            throw new IllegalArgumentException("tile " + tile.path() + " has " + bytes.length + " bytes, expected "
                    + tile.width() * Rfc9162.HASH_SIZE);
        }
        List<byte[]> hashes = new ArrayList<>(tile.width());
        for (int i = 0; i < tile.width(); i++) {
            hashes.add(Arrays.copyOfRange(bytes, i * Rfc9162.HASH_SIZE, (i + 1) * Rfc9162.HASH_SIZE));
        }
        return hashes;
    }
}
