package io.serviceproof.ledger;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.TlogProof;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.tiles.EntryBundle;
import io.serviceproof.verifier.tiles.TilePath;
import io.serviceproof.verifier.tiles.Tiles;
import io.serviceproof.verifier.tlog.NodeReader;
import io.serviceproof.verifier.tlog.ProofBuilder;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Everything a reader of a log gets: the checkpoint and verifier key, tiles and entry bundles per
 * C2SP tlog-tiles, and proofs. Proofs are always relative to a published checkpoint, so every proof
 * handed out can be checked against a signed tree head.
 */
@Service
public class LogReader {

    private final TreeNodes treeNodes;
    private final LogHeads heads;
    private final LogEntries entries;
    private final LogIds logIds;
    private final CheckpointPublisher publisher;
    private final LogKeyring keyring;
    private final LogIntegrity integrity;

    LogReader(
            TreeNodes treeNodes,
            LogHeads heads,
            LogEntries entries,
            LogIds logIds,
            CheckpointPublisher publisher,
            LogKeyring keyring,
            LogIntegrity integrity) {
        this.integrity = integrity;
        this.treeNodes = treeNodes;
        this.heads = heads;
        this.entries = entries;
        this.logIds = logIds;
        this.publisher = publisher;
        this.keyring = keyring;
    }

    /** The latest signed checkpoint, as served at {@code /logs/<slug>/checkpoint}. */
    public String checkpoint(OrganisationId organisation) {
        return publisher.latest(organisation).note();
    }

    /** Publishes a checkpoint at the current size now (rather than at the next tick). */
    public String publishNow(OrganisationId organisation) {
        return publisher.publish(organisation).note();
    }

    /** When the latest checkpoint was signed. */
    public java.time.Instant publishedAt(OrganisationId organisation) {
        return publisher.latest(organisation).publishedAt();
    }

    public Checkpoint latestCheckpoint(OrganisationId organisation) {
        return parse(checkpoint(organisation));
    }

    public String verifierKey(OrganisationId organisation) {
        return keyring.verifierKey(organisation).toString();
    }

    /** A tile's bytes, if the log has (had) that tile; partial tiles exist for widths the tree has passed. */
    public Optional<byte[]> tile(OrganisationId organisation, TilePath tile) {
        long published = latestCheckpoint(organisation).size();
        long available = published >>> (Tiles.HEIGHT * tile.level());
        if (tile.index() * TilePath.FULL + tile.width() > available) {
            return Optional.empty();
        }
        List<byte[]> hashes =
                treeNodes.hashes(logIds.of(organisation), tile.level(), tile.index() * TilePath.FULL, tile.width());
        if (hashes.size() != tile.width()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[tile.width() * Rfc9162.HASH_SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, bytes, i * Rfc9162.HASH_SIZE, Rfc9162.HASH_SIZE);
        }
        return Optional.of(bytes);
    }

    /**
     * About how many bytes serving an entry bundle holds at its peak: the entries, their bundle
     * encoding and its gzip (at most the same again).
     */
    public long entryBundleMemory(OrganisationId organisation, TilePath bundle) {
        long entryBytes =
                entries.canonicalRangeBytes(logIds.of(organisation), bundle.index() * TilePath.FULL, bundle.width());
        return 3 * (entryBytes + 2L * bundle.width());
    }

    public Optional<byte[]> entryBundle(OrganisationId organisation, TilePath bundle) {
        long published = latestCheckpoint(organisation).size();
        if (bundle.index() * TilePath.FULL + bundle.width() > published) {
            return Optional.empty();
        }
        List<byte[]> canonical =
                entries.canonicalRange(logIds.of(organisation), bundle.index() * TilePath.FULL, bundle.width());
        return canonical.size() == bundle.width() ? Optional.of(EntryBundle.encode(canonical)) : Optional.empty();
    }

    /** Entry {@code index} as its exact canonical bytes, the leaf a verifier hashes. */
    public byte[] entry(OrganisationId organisation, long index) {
        List<byte[]> found = entries.canonicalRange(logIds.of(organisation), index, 1);
        if (index < 0 || found.isEmpty()) {
            throw new NotFoundException("Entry", index);
        }
        return found.get(0);
    }

    /** A tlog-proof of entry {@code index}, publishing a checkpoint first if none covers it yet. */
    public byte[] tlogProofCovering(OrganisationId organisation, long index) {
        if (latestCheckpoint(organisation).size() <= index) {
            publishNow(organisation);
        }
        return tlogProof(organisation, index);
    }

    /** Inclusion of entry {@code index} in the latest checkpoint's tree. */
    public InclusionProof inclusion(OrganisationId organisation, long index) {
        String note = checkpoint(organisation);
        long size = parse(note).size();
        if (index < 0 || index >= size) {
            if (index < 0 || index >= heads.size(organisation)) {
                throw new NotFoundException("Entry", index);
            }
            throw new InvalidInputException(
                    "index",
                    "entry " + index + " is not yet covered by a signed checkpoint (size " + size
                            + "); the next checkpoint, within seconds, will cover it");
        }
        // One reader for the leaf and its path: the leaf's tile is read once.
        NodeReader nodes = treeNodes.reader(logIds.of(organisation));
        byte[] leafHash = nodes.node(0, index);
        List<byte[]> path = new ProofBuilder(nodes).inclusion(index, size);
        // Every proof is checked before it is handed out: stored tiles or nodes changed after signing
        // would otherwise be served as proofs that fail in the client's hands.
        try {
            io.serviceproof.verifier.tlog.InclusionProofs.verify(
                    index, size, leafHash, path, parse(note).rootHash());
        } catch (io.serviceproof.verifier.tlog.ProofException e) {
            throw integrity.halt(
                    organisation,
                    "the proof of entry " + index + " built from storage does not verify against the signed checkpoint "
                            + size + ": stored tiles or tree nodes were changed after they were signed");
        }
        return new InclusionProof(index, size, leafHash, path, note);
    }

    public InclusionProof inclusion(OrganisationId organisation, String eventId) {
        LedgerEntry entry = entries.findByEventId(logIds.of(organisation), eventId)
                .orElseThrow(() -> new NotFoundException("Event", eventId));
        return inclusion(organisation, entry.index());
    }

    public ConsistencyProof consistency(OrganisationId organisation, long fromSize, long toSize) {
        long size = latestCheckpoint(organisation).size();
        if (fromSize < 1 || toSize < fromSize || toSize > size) {
            throw new InvalidInputException("from", "need 1 <= from <= to <= " + size + " (the published tree size)");
        }
        return new ConsistencyProof(fromSize, toSize, builder(organisation).consistency(fromSize, toSize));
    }

    /** A C2SP tlog-proof file for one entry. */
    public byte[] tlogProof(OrganisationId organisation, long index) {
        InclusionProof proof = inclusion(organisation, index);
        try {
            return new TlogProof(null, index, proof.hashes(), SignedNote.parse(proof.checkpoint())).format();
        } catch (MalformedNoteException e) {
            throw new IllegalStateException("a stored checkpoint is not a valid note", e);
        }
    }

    private ProofBuilder builder(OrganisationId organisation) {
        return new ProofBuilder(treeNodes.reader(logIds.of(organisation)));
    }

    private static Checkpoint parse(String note) {
        try {
            return Checkpoint.parse(SignedNote.parse(note).text());
        } catch (MalformedNoteException e) {
            throw new IllegalStateException("a stored checkpoint is not a valid note", e);
        }
    }
}
