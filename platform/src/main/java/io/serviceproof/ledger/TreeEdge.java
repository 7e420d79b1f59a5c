package io.serviceproof.ledger;

import io.serviceproof.verifier.tiles.TilePath;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a tree: for each level, the complete subtree still waiting for a right sibling
 * (there is one at level l exactly when bit l of the size is set), and the leaf hashes of the last,
 * unfinished leaf tile. Enough to append leaves, to emit each leaf tile as it fills, and to compute
 * the root, without reading anything else.
 */
final class TreeEdge {

    private final byte[][] pending = new byte[64][];
    private final List<byte[]> unfinishedLeafTile;
    private long size;

    TreeEdge(long size, NodeLookup lookup, LeafTileLookup leaves) {
        this.size = size;
        for (int level = 0; level < 63; level++) {
            if (((size >>> level) & 1) == 1) {
                pending[level] = lookup.node(level, (size >>> level) - 1);
            }
        }
        int unfinished = (int) (size % TilePath.FULL);
        this.unfinishedLeafTile =
                new ArrayList<>(unfinished == 0 ? List.of() : leaves.leafHashes(size - unfinished, unfinished));
    }

    @FunctionalInterface
    interface NodeLookup {
        byte[] node(int level, long index);
    }

    @FunctionalInterface
    interface LeafTileLookup {
        List<byte[]> leafHashes(long from, int count);
    }

    /** What one appended leaf completed: tree nodes, and the whole leaf tile when it filled. */
    record Completed(List<LogNodes.Node> nodes, LeafTile leafTile) {}

    /** A filled leaf tile: its index and its 256 leaf hashes, concatenated. */
    record LeafTile(long index, byte[] hashes) {}

    long size() {
        return size;
    }

    Completed append(byte[] leafHash) {
        List<LogNodes.Node> completed = new ArrayList<>(4);
        long position = size;
        int level = 0;
        byte[] hash = leafHash;
        completed.add(new LogNodes.Node(0, position, hash));
        while ((position & 1) == 1) {
            hash = Rfc9162.nodeHash(pending[level], hash);
            pending[level] = null;
            level++;
            position >>>= 1;
            completed.add(new LogNodes.Node(level, position, hash));
        }
        pending[level] = hash;
        size++;
        unfinishedLeafTile.add(leafHash);
        LeafTile tile = null;
        if (unfinishedLeafTile.size() == TilePath.FULL) {
            byte[] hashes = new byte[TilePath.FULL * Rfc9162.HASH_SIZE];
            for (int i = 0; i < TilePath.FULL; i++) {
                System.arraycopy(unfinishedLeafTile.get(i), 0, hashes, i * Rfc9162.HASH_SIZE, Rfc9162.HASH_SIZE);
            }
            tile = new LeafTile((size - 1) / TilePath.FULL, hashes);
            unfinishedLeafTile.clear();
        }
        return new Completed(completed, tile);
    }

    /** RFC 9162 root: the pending subtrees folded together from the smallest up. */
    byte[] root() {
        byte[] root = null;
        for (byte[] node : pending) {
            if (node != null) {
                root = root == null ? node : Rfc9162.nodeHash(node, root);
            }
        }
        return root == null ? Rfc9162.emptyRoot() : root;
    }

    TreeEdge copy() {
        TreeEdge copy = new TreeEdge(0, (l, i) -> null, (f, c) -> List.of());
        System.arraycopy(pending, 0, copy.pending, 0, pending.length);
        copy.unfinishedLeafTile.addAll(unfinishedLeafTile);
        copy.size = size;
        return copy;
    }
}
