package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import io.serviceproof.verifier.checkpoint.Checkpoint;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The tree as storage holds it, read afresh (never from the sequencer's cache): the right edge's
 * stored nodes and the entries of the last, unfinished leaf tile, hashed from their bytes. What
 * is signed is computed here, and what was signed is checked here.
 */
@Component
class StoredTree {

    private final LogIds logIds;
    private final TreeNodes treeNodes;
    private final LogEntries entries;
    private final LogIntegrity integrity;

    StoredTree(LogIds logIds, TreeNodes treeNodes, LogEntries entries, LogIntegrity integrity) {
        this.logIds = logIds;
        this.treeNodes = treeNodes;
        this.entries = entries;
        this.integrity = integrity;
    }

    /** The root of the first {@code size} stored entries; halts the log if storage lacks part of them. */
    byte[] root(OrganisationId organisation, long size) {
        LogId log = logIds.of(organisation);
        try {
            return new TreeEdge(size, treeNodes.reader(log)::node, (from, count) -> {
                        var hashes = entries.leafHashRange(log, from, count);
                        if (hashes.size() != count) {
                            throw new IllegalStateException("entries " + from + " to " + (from + count - 1)
                                    + " should be stored but only " + hashes.size() + " are");
                        }
                        return hashes;
                    })
                    .root();
        } catch (IllegalStateException missing) {
            throw integrity.halt(
                    organisation, "the stored tree at size " + size + " is incomplete: " + missing.getMessage());
        }
    }

    /**
     * Halts the log (and throws) unless storage, holding {@code storedSize} entries, still reproduces
     * the checkpoint it last signed, saying exactly what differs.
     */
    void requireReproduces(OrganisationId organisation, Checkpoint signed, long storedSize) {
        if (storedSize < signed.size()) {
            throw integrity.halt(
                    organisation,
                    "storage holds " + storedSize + " entries but checkpoint " + signed.size()
                            + " was signed: entries " + storedSize + " to " + (signed.size() - 1)
                            + " are gone (was the database restored from an older copy?); appending now would fork the log");
        }
        byte[] stored = root(organisation, signed.size());
        if (!MessageDigest.isEqual(stored, signed.rootHash())) {
            throw integrity.halt(
                    organisation,
                    "the stored tree of size " + signed.size() + " has root " + base64(stored)
                            + " but the signed checkpoint of that size has root " + base64(signed.rootHash())
                            + ": stored entries or tree nodes were changed after they were signed");
        }
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
