package io.serviceproof.verifier.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only RFC 9162 tree held in memory, keeping every complete subtree hash (about twice the
 * leaf hashes). For verifying a whole log fetched from its tiles, and as the reference the log's
 * persistent tree is tested against.
 */
public final class MerkleTree implements NodeReader {

    private final List<List<byte[]>> levels = new ArrayList<>();
    private final ProofBuilder proofs = new ProofBuilder(this);

    public MerkleTree() {
        levels.add(new ArrayList<>());
    }

    /** Appends a leaf by its entry bytes; returns its index. */
    public long appendEntry(byte[] entry) {
        return appendLeafHash(Rfc9162.leafHash(entry));
    }

    /** Appends a leaf by its hash; returns its index. */
    public long appendLeafHash(byte[] leafHash) {
        long index = size();
        levels.get(0).add(leafHash.clone());
        // Complete every subtree the new leaf closes, bottom-up.
        long position = index;
        int level = 0;
        while ((position & 1) == 1) {
            List<byte[]> below = levels.get(level);
            byte[] parent = Rfc9162.nodeHash(below.get(below.size() - 2), below.get(below.size() - 1));
            if (levels.size() == level + 1) {
                levels.add(new ArrayList<>());
            }
            levels.get(level + 1).add(parent);
            position >>= 1;
            level++;
        }
        return index;
    }

    public long size() {
        return levels.get(0).size();
    }

    @Override
    public byte[] node(int level, long index) {
        return levels.get(level).get(Math.toIntExact(index));
    }

    public byte[] root() {
        return proofs.root(size());
    }

    public byte[] root(long size) {
        requireSize(size);
        return proofs.root(size);
    }

    public List<byte[]> inclusionProof(long index, long size) {
        requireSize(size);
        return proofs.inclusion(index, size);
    }

    public List<byte[]> consistencyProof(long size1, long size2) {
        requireSize(size2);
        return proofs.consistency(size1, size2);
    }

    private void requireSize(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("tree size " + size + " is beyond the " + size() + " leaves held");
        }
    }
}
