package io.serviceproof.ledger;

import io.serviceproof.verifier.tiles.TilePath;
import io.serviceproof.verifier.tiles.Tiles;
import io.serviceproof.verifier.tlog.NodeReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Any complete subtree hash of a log, from what is stored: leaf hashes (level 0, in
 * {@code log_entries}) and nodes at the tile levels 8, 16, 24, … (in {@code log_nodes}). A node in
 * between is hashed together from its tile, as C2SP tiles intend; that keeps appends to little more
 * than one row per entry. Trees of full tiles above the leaves are cached: they never change.
 */
@Component
class TreeNodes {

    private static final int CACHED_TILES = 16_384;

    private final LogEntries entries;
    private final LogNodes nodes;
    private final LeafTiles leafTiles;
    private final Map<String, TileTree> fullTiles =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, TileTree> eldest) {
                    return size() > CACHED_TILES;
                }
            });

    TreeNodes(LogEntries entries, LogNodes nodes, LeafTiles leafTiles) {
        this.entries = entries;
        this.nodes = nodes;
        this.leafTiles = leafTiles;
    }

    /** A reader for one piece of work (a proof, a root); it keeps the partial tiles it read. */
    NodeReader reader(LogId log) {
        Map<String, TileTree> partialTiles = new HashMap<>();
        return (level, index) -> {
            int tileLevel = level / Tiles.HEIGHT;
            int k = level % Tiles.HEIGHT;
            long first = index << k;
            long tileIndex = first / TilePath.FULL;
            TileTree tile = tile(
                    log,
                    tileLevel,
                    tileIndex,
                    (int) Math.min(TilePath.FULL, (first % TilePath.FULL) + (1L << k)),
                    partialTiles);
            byte[] node = tile.node(k, (int) ((first % TilePath.FULL) >> k));
            if (node == null) {
                throw new IllegalStateException("log " + log.value() + " lacks node " + level + "/" + index);
            }
            return node;
        };
    }

    /** The hashes of tile level {@code tileLevel} (tree level 8 * tileLevel), {@code [from, from + count)}. */
    List<byte[]> hashes(LogId log, int tileLevel, long from, int count) {
        if (tileLevel > 0) {
            return nodes.range(log, Tiles.HEIGHT * tileLevel, from, count);
        }
        long tile = from / TilePath.FULL;
        if (from % TilePath.FULL == 0 && count == TilePath.FULL) {
            Optional<byte[]> stored = leafTiles.find(log, tile);
            if (stored.isPresent()) {
                return Tiles.decode(new TilePath(0, tile, TilePath.FULL), stored.get());
            }
        }
        return entries.leafHashRange(log, from, count);
    }

    /** Stores a leaf tile that has just filled (its 256 leaf hashes, concatenated). */
    void storeLeafTile(LogId log, long tileIndex, byte[] hashes) {
        leafTiles.insert(log, tileIndex, hashes);
    }

    private TileTree tile(LogId log, int tileLevel, long tileIndex, int needed, Map<String, TileTree> partialTiles) {
        String key = log.value() + "/" + tileLevel + "/" + tileIndex;
        TileTree full = fullTiles.get(key);
        if (full != null) {
            return full;
        }
        TileTree partial = partialTiles.get(key);
        if (partial != null && partial.width() >= needed) {
            return partial;
        }
        TileTree read = new TileTree(hashes(log, tileLevel, tileIndex * TilePath.FULL, TilePath.FULL));
        if (read.width() == TilePath.FULL && tileLevel > 0) {
            // Upper tiles are few and on every path; leaf tiles are many and read at random, so
            // caching them would only churn the heap.
            fullTiles.put(key, read);
        } else {
            partialTiles.put(key, read);
        }
        return read;
    }
}
