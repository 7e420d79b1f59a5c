package io.serviceproof.verifier.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomized comparison with {@link ReferenceTree}: every size from 0 to 2,000, and random
 * larger sizes. Proofs we build must equal the reference's, verify, and fail once tampered with.
 */
class RandomizedTreeTests {

    private static final long SEED = 0x5e1f_9162L;

    @Test
    void everySizeUpTo2000MatchesTheReference() throws ProofException {
        Random random = new Random(SEED);
        MerkleTree tree = new MerkleTree();
        List<byte[]> leaves = new ArrayList<>();
        for (int size = 0; size <= 2000; size++) {
            assertThat(tree.root()).as("root of size %d", size).isEqualTo(ReferenceTree.mth(leaves));
            if (size > 0) {
                checkInclusion(tree, leaves, random.nextInt(size), size);
                checkInclusion(tree, leaves, size - 1, size);
                checkConsistency(tree, leaves, 1 + random.nextInt(size), size);
            }
            byte[] leaf = Rfc9162.leafHash(
                    ByteBuffer.allocate(8).putLong(random.nextLong()).array());
            tree.appendLeafHash(leaf);
            leaves.add(leaf);
        }
    }

    @Test
    void randomLargerTreesProveEveryKindOfPosition() throws ProofException {
        Random random = new Random(SEED + 1);
        for (int round = 0; round < 4; round++) {
            int size = 2_001 + random.nextInt(60_000);
            MerkleTree tree = new MerkleTree();
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                byte[] leaf = Rfc9162.leafHash(
                        ByteBuffer.allocate(8).putLong(random.nextLong()).array());
                tree.appendLeafHash(leaf);
                leaves.add(leaf);
            }
            assertThat(tree.root()).isEqualTo(ReferenceTree.mth(leaves));
            for (int probe = 0; probe < 20; probe++) {
                int treeSize = 1 + random.nextInt(size);
                checkInclusion(tree, leaves, random.nextInt(treeSize), treeSize);
                checkConsistency(tree, leaves, 1 + random.nextInt(treeSize), treeSize);
            }
        }
    }

    @Test
    void tamperedProofsFail() {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 37; i++) {
            tree.appendEntry(new byte[] {(byte) i});
        }
        List<byte[]> proof = copy(tree.inclusionProof(11, 37));
        proof.get(2)[5] ^= 1;
        byte[] leaf = Rfc9162.leafHash(new byte[] {11});
        assertThatThrownBy(() -> InclusionProofs.verify(11, 37, leaf, proof, tree.root()))
                .isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> InclusionProofs.verify(12, 37, leaf, tree.inclusionProof(11, 37), tree.root()))
                .isInstanceOf(ProofException.class);
        List<byte[]> consistency = copy(tree.consistencyProof(13, 37));
        consistency.get(0)[0] ^= 1;
        assertThatThrownBy(() -> ConsistencyProofs.verify(13, 37, consistency, tree.root(13), tree.root()))
                .isInstanceOf(ProofException.class);
    }

    private static void checkInclusion(MerkleTree tree, List<byte[]> leaves, int index, int size)
            throws ProofException {
        List<byte[]> proof = tree.inclusionProof(index, size);
        assertThat(proof)
                .as("inclusion %d in %d", index, size)
                .containsExactlyElementsOf(ReferenceTree.path(index, leaves.subList(0, size)));
        InclusionProofs.verify(index, size, leaves.get(index), proof, tree.root(size));
    }

    private static void checkConsistency(MerkleTree tree, List<byte[]> leaves, int size1, int size2) {
        List<byte[]> proof = tree.consistencyProof(size1, size2);
        assertThat(proof)
                .as("consistency %d to %d", size1, size2)
                .containsExactlyElementsOf(ReferenceTree.proof(size1, leaves.subList(0, size2)));
        assertThatCode(() -> ConsistencyProofs.verify(size1, size2, proof, tree.root(size1), tree.root(size2)))
                .as("consistency %d to %d verifies", size1, size2)
                .doesNotThrowAnyException();
    }

    private static List<byte[]> copy(List<byte[]> hashes) {
        List<byte[]> copy = new ArrayList<>();
        hashes.forEach(h -> copy.add(h.clone()));
        return copy;
    }
}
