package io.serviceproof.verifier.tlog;

/**
 * Reads hashes of complete subtrees: the node at {@code level} and {@code index} covers leaves
 * {@code [index << level, (index + 1) << level)}; level 0 holds the leaf hashes. This is exactly what
 * C2SP tlog tiles store, so a log's tiles, a database or an in-memory tree can all stand behind it.
 */
@FunctionalInterface
public interface NodeReader {

    /** The hash of a complete subtree; callers only ask for subtrees that are complete. */
    byte[] node(int level, long index);
}
