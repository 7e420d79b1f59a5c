package io.serviceproof.ledger;

import java.util.List;

/** Proof that the tree of {@code fromSize} leaves is a prefix of the tree of {@code toSize}. */
public record ConsistencyProof(long fromSize, long toSize, List<byte[]> hashes) {}
