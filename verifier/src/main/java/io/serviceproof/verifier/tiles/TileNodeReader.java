package io.serviceproof.verifier.tiles;

import io.serviceproof.verifier.tlog.NodeReader;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Complete-subtree hashes read from the tiles of a tree of a fixed size. A node whose level is not a
 * multiple of 8 is hashed together from the tile below it. Tiles are fetched once and cached.
 */
public final class TileNodeReader implements NodeReader {

    private final TileSource source;
    private final long treeSize;
    private final Map<String, List<byte[]>> cache = new HashMap<>();

    public TileNodeReader(TileSource source, long treeSize) {
        this.source = source;
        this.treeSize = treeSize;
    }

    @Override
    public byte[] node(int level, long index) {
        int tileLevel = level / Tiles.HEIGHT;
        int height = level % Tiles.HEIGHT;
        long first = index << height;
        List<byte[]> hashes = tile(tileLevel, first / TilePath.FULL);
        int offset = (int) (first % TilePath.FULL);
        return subtree(hashes, offset, 1 << height);
    }

    private List<byte[]> tile(int level, long index) {
        long nodesAtLevel = treeSize >>> (Tiles.HEIGHT * level);
        long remaining = nodesAtLevel - index * TilePath.FULL;
        TilePath path = new TilePath(level, index, (int) Math.min(TilePath.FULL, remaining));
        return cache.computeIfAbsent(path.path(), p -> {
            try {
                return Tiles.decode(path, source.fetch(p));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot fetch " + p + ": " + e.getMessage(), e);
            }
        });
    }

    private static byte[] subtree(List<byte[]> hashes, int offset, int count) {
        if (count == 1) {
            return hashes.get(offset);
        }
        int half = count / 2;
        return Rfc9162.nodeHash(subtree(hashes, offset, half), subtree(hashes, offset + half, half));
    }
}
