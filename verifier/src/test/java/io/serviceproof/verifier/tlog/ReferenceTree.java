package io.serviceproof.verifier.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 section 2.1 written as literally as possible (MTH, PATH, SUBPROOF over lists), slow and
 * obviously right: the reference our tree and proof builder are compared with.
 */
final class ReferenceTree {

    private ReferenceTree() {}

    static byte[] mth(List<byte[]> leaves) {
        int n = leaves.size();
        if (n == 0) {
            return Rfc9162.emptyRoot();
        }
        if (n == 1) {
            return leaves.get(0);
        }
        int k = splitPoint(n);
        return Rfc9162.nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, n)));
    }

    static List<byte[]> path(int m, List<byte[]> leaves) {
        int n = leaves.size();
        List<byte[]> proof = new ArrayList<>();
        if (n <= 1) {
            return proof;
        }
        int k = splitPoint(n);
        if (m < k) {
            proof.addAll(path(m, leaves.subList(0, k)));
            proof.add(mth(leaves.subList(k, n)));
        } else {
            proof.addAll(path(m - k, leaves.subList(k, n)));
            proof.add(mth(leaves.subList(0, k)));
        }
        return proof;
    }

    static List<byte[]> proof(int m, List<byte[]> leaves) {
        return subproof(m, leaves, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean whole) {
        int n = leaves.size();
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!whole) {
                proof.add(mth(leaves));
            }
            return proof;
        }
        int k = splitPoint(n);
        if (m <= k) {
            proof.addAll(subproof(m, leaves.subList(0, k), whole));
            proof.add(mth(leaves.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, leaves.subList(k, n), false));
            proof.add(mth(leaves.subList(0, k)));
        }
        return proof;
    }

    private static int splitPoint(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }
}
