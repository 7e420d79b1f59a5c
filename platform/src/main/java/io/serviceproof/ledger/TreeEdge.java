package io.serviceproof.ledger;

import io.serviceproof.verifier.tlog.Rfc9162;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a tree: for each level, the complete subtree still waiting for a right sibling
 * (there is one at level l exactly when bit l of the size is set). Enough to append leaves and to
 * compute the root without reading anything else.
 */
final class TreeEdge {

    private final byte[][] pending = new byte[64][];
    private long size;

    TreeEdge(long size, NodeLookup lookup) {
        this.size = size;
        for (int level = 0; level < 63; level++) {
            if (((size >>> level) & 1) == 1) {
                pending[level] = lookup.node(level, (size >>> level) - 1);
            }
        }
    }

    @FunctionalInterface
    interface NodeLookup {
        byte[] node(int level, long index);
    }

    long size() {
        return size;
    }

    /** Appends a leaf; returns every node it completes, the leaf itself first. */
    List<LogNodes.Node> append(byte[] leafHash) {
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
        return completed;
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
        TreeEdge copy = new TreeEdge(0, (l, i) -> null);
        System.arraycopy(pending, 0, copy.pending, 0, pending.length);
        copy.size = size;
        return copy;
    }
}
