package io.serviceproof.verifier.tlog;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies that a tree only grew (RFC 9162 section 2.1.4.2): the tree of {@code size1} leaves with
 * root {@code root1} is a prefix of the tree of {@code size2} leaves with root {@code root2}.
 */
public final class ConsistencyProofs {

    private ConsistencyProofs() {}

    /**
     * @throws ProofException unless the proof shows consistency. As in transparency-dev/merkle, a
     *     proof from the empty tree is an error (every tree extends it; there is nothing to prove),
     *     and equal sizes need an empty proof and equal roots.
     */
    public static void verify(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
            throws ProofException {
        if (size1 < 0 || size2 < size1) {
            throw new ProofException("size " + size2 + " is smaller than " + size1 + ": a log never shrinks");
        }
        if (size1 == 0) {
            throw new ProofException("a consistency proof from the empty tree proves nothing");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new ProofException("trees of equal size need an empty consistency proof");
            }
            requireEqual(root1, root2, "roots of trees of equal size differ");
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofException("consistency proof is empty");
        }
        Hashes.requireHash(root1, "first root");
        Hashes.requireHash(root2, "second root");
        for (byte[] p : proof) {
            Hashes.requireHash(p, "proof hash");
        }
        walk(size1, size2, proof, root1, root2);
    }

    private static void walk(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
            throws ProofException {
        boolean powerOfTwo = Long.bitCount(size1) == 1;
        int start = powerOfTwo ? 0 : 1;
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // When size1 is a power of two, its root is itself the first node of the path.
        byte[] fr = powerOfTwo ? root1 : proof.get(0);
        byte[] sr = fr;
        for (int i = start; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                throw new ProofException("consistency proof is longer than the path to the root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Rfc9162.nodeHash(c, fr);
                sr = Rfc9162.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Rfc9162.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("consistency proof is shorter than the path to the root");
        }
        requireEqual(fr, root1, "consistency proof does not lead to the first root");
        requireEqual(sr, root2, "consistency proof does not lead to the second root");
    }

    private static void requireEqual(byte[] actual, byte[] expected, String message) throws ProofException {
        if (!MessageDigest.isEqual(actual, expected)) {
            throw new ProofException(message);
        }
    }
}
