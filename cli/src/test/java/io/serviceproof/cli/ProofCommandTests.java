package io.serviceproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.verifier.tlog.MerkleTree;
import org.junit.jupiter.api.Test;

class ProofCommandTests {

    @Test
    void theExpectedProofLengthIsTheLengthOfEveryRealProof() {
        MerkleTree tree = new MerkleTree();
        for (int size = 1; size <= 300; size++) {
            tree.appendEntry(new byte[] {(byte) size, (byte) (size >> 8)});
            for (long index = 0; index < size; index++) {
                assertThat(ProofCommand.pathLength(index, size))
                        .as("entry %d of %d", index, size)
                        .isEqualTo(tree.inclusionProof(index, size).size());
            }
        }
    }
}
