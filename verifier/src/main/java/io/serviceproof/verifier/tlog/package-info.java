/**
 * RFC 9162 Merkle trees: hashing, inclusion and consistency proofs, tree heads. One concept per
 * class, in the shape of transparency-dev/merkle; tested against its published test vectors.
 */
package io.serviceproof.verifier.tlog;
