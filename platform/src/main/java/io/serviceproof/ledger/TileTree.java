package io.serviceproof.ledger;

import io.serviceproof.verifier.tlog.Rfc9162;
import java.util.List;

/**
 * The complete subtrees inside one tile: from up to 256 hashes of tree level 8L, every complete node
 * of levels 8L to 8L+8 above them. Full tiles never change, so their trees are worth caching.
 */
final class TileTree {

    private final byte[][][] levels = new byte[9][][];

    TileTree(List<byte[]> hashes) {
        levels[0] = hashes.toArray(new byte[0][]);
        for (int k = 1; k <= 8; k++) {
            byte[][] below = levels[k - 1];
            byte[][] above = new byte[below.length / 2][];
            for (int i = 0; i < above.length; i++) {
                above[i] = Rfc9162.nodeHash(below[2 * i], below[2 * i + 1]);
            }
            levels[k] = above;
        }
    }

    int width() {
        return levels[0].length;
    }

    /** The node {@code k} levels above the tile's base, at index {@code j} within the tile; null if incomplete. */
    byte[] node(int k, int j) {
        return j < levels[k].length ? levels[k][j] : null;
    }
}
