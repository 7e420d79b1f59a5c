package io.serviceproof.ledger;

import java.util.List;

/** An entry's inclusion proof in the tree of a published checkpoint. */
public record InclusionProof(long index, long treeSize, byte[] leafHash, List<byte[]> hashes, String checkpoint) {}
