package io.serviceproof.verifier.tlog;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies that a leaf is in a tree (RFC 9162 section 2.1.3.2): recomputes the root from the leaf
 * hash and the audit path, and compares it with the expected root.
 */
public final class InclusionProofs {

    private InclusionProofs() {}

    /**
     * @throws ProofException unless {@code proof} shows that {@code leafHash} is leaf {@code index}
     *     of the tree of {@code size} leaves whose root is {@code root}
     */
    public static void verify(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws ProofException {
        byte[] computed = rootFromProof(index, size, leafHash, proof);
        if (!MessageDigest.isEqual(computed, root)) {
            throw new ProofException("inclusion proof leads to a different root hash");
        }
    }

    /** The root hash that the proof leads to, for callers that check it against a signed checkpoint. */
    public static byte[] rootFromProof(long index, long size, byte[] leafHash, List<byte[]> proof)
            throws ProofException {
        if (index < 0 || size < 0 || index >= size) {
            throw new ProofException("leaf index " + index + " is outside a tree of size " + size);
        }
        Hashes.requireHash(leafHash, "leaf hash");
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            Hashes.requireHash(p, "proof hash");
            if (sn == 0) {
                throw new ProofException("inclusion proof is longer than the path to the root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc9162.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = Rfc9162.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("inclusion proof is shorter than the path to the root");
        }
        return r;
    }
}
