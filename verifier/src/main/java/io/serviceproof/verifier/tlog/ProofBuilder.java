package io.serviceproof.verifier.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds RFC 9162 proofs and tree heads from complete-subtree hashes (section 2.1.3.1 PATH and
 * 2.1.4.1 SUBPROOF). Every subtree the recursion needs is either complete or the right edge of the
 * tree, so each costs at most one read per level.
 */
public final class ProofBuilder {

    private final NodeReader nodes;

    public ProofBuilder(NodeReader nodes) {
        this.nodes = nodes;
    }

    /** The root hash of the first {@code size} leaves. */
    public byte[] root(long size) {
        return size == 0 ? Rfc9162.emptyRoot() : rangeHash(0, size);
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves. */
    public List<byte[]> inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** The proof that the tree of {@code size1} leaves is a prefix of the tree of {@code size2}. */
    public List<byte[]> consistency(long size1, long size2) {
        if (size1 <= 0 || size2 < size1) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 < size2) {
            subproof(size1, 0, size2, true, proof);
        }
        return proof;
    }

    /** PATH(m, D[start:start+n]), with proof nodes appended bottom-up. */
    private void path(long m, long start, long n, List<byte[]> proof) {
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, k, proof);
            proof.add(rangeHash(start + k, start + n));
        } else {
            path(m - k, start + k, n - k, proof);
            proof.add(rangeHash(start, start + k));
        }
    }

    /** SUBPROOF(m, D[start:start+n], b). */
    private void subproof(long m, long start, long n, boolean whole, List<byte[]> proof) {
        if (m == n) {
            if (!whole) {
                proof.add(rangeHash(start, start + n));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, k, whole, proof);
            proof.add(rangeHash(start + k, start + n));
        } else {
            subproof(m - k, start + k, n - k, false, proof);
            proof.add(rangeHash(start, start + k));
        }
    }

    /**
     * MTH(D[start:end]) for a range that is a subtree of the RFC 9162 tree: split into maximal aligned
     * complete subtrees from the left, then fold them together from the right.
     */
    byte[] rangeHash(long start, long end) {
        List<byte[]> parts = new ArrayList<>();
        long position = start;
        while (position < end) {
            int level = 63 - Long.numberOfLeadingZeros(end - position);
            while (level > 0 && (position & ((1L << level) - 1)) != 0) {
                level--;
            }
            parts.add(nodes.node(level, position >>> level));
            position += 1L << level;
        }
        byte[] hash = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = Rfc9162.nodeHash(parts.get(i), hash);
        }
        return hash;
    }

    /** The largest power of two strictly smaller than {@code n} (n > 1), the split point of RFC 9162. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
