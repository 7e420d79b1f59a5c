package io.serviceproof.verifier.tiles;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.CheckpointVerifier;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.NoteVerificationException;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tlog.ConsistencyProofs;
import io.serviceproof.verifier.tlog.MerkleTree;
import io.serviceproof.verifier.tlog.ProofBuilder;
import io.serviceproof.verifier.tlog.ProofException;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.List;

/**
 * Checks a whole log as a third party would: the checkpoint is signed by the log's key, every entry
 * bundle re-hashes to the checkpoint's root, and every published tile matches the tree rebuilt from
 * the entries. Also checks that one checkpoint extends another, from tiles alone.
 */
public final class LogAuditor {

    private final TileSource source;
    private final VerifierKey logKey;

    public LogAuditor(TileSource source, VerifierKey logKey) {
        this.source = source;
        this.logKey = logKey;
    }

    /**
     * What a full audit established: besides the tree, the entries whose producer (device) signature
     * verified against a device key the log registered, how many device keys it registered, and how
     * many signed entries were logged after their device was suspended or retired.
     */
    public record Audit(
            Checkpoint checkpoint,
            long entries,
            int tiles,
            long deviceSigned,
            int devices,
            long signedAfterSuspension) {

        public Audit(Checkpoint checkpoint, long entries, int tiles) {
            this(checkpoint, entries, tiles, 0, 0, 0);
        }
    }

    /**
     * Larger claimed sizes are refused before anything is allocated or fetched: no log here comes
     * near it, and a hostile checkpoint could otherwise make the auditor plan for 2^63 entries.
     */
    public static final long MAX_SIZE = 1L << 40;

    /** What every entry of our logs declares (docs/formats.md). */
    static final String ENTRY_SCHEMA = "serviceproof.io/ledger-entry/v1";

    public Audit auditAll() throws LogVerificationException {
        return audit(latestCheckpoint());
    }

    /**
     * Audits the tree of a checkpoint the caller has already verified (e.g. under a witness
     * policy): every entry re-hashed, every tile rebuilt and compared.
     */
    public Audit audit(Checkpoint checkpoint) throws LogVerificationException {
        if (checkpoint.size() > MAX_SIZE) {
            throw new LogVerificationException("the checkpoint claims " + checkpoint.size() + " entries, beyond the "
                    + MAX_SIZE + " an audit accepts");
        }
        MerkleTree tree = new MerkleTree();
        io.serviceproof.verifier.event.ProducerSignatures signatures =
                new io.serviceproof.verifier.event.ProducerSignatures();
        long bundles = (checkpoint.size() + TilePath.FULL - 1) / TilePath.FULL;
        for (long k = 0; k < bundles; k++) {
            int width = (int) Math.min(TilePath.FULL, checkpoint.size() - k * TilePath.FULL);
            TilePath bundle = new TilePath(TilePath.ENTRIES, k, width);
            List<byte[]> entries;
            try {
                entries = EntryBundle.decode(fetch(bundle.path()), bundle.width());
            } catch (IllegalArgumentException e) {
                throw new LogVerificationException(bundle.path() + ": " + e.getMessage());
            }
            for (int i = 0; i < entries.size(); i++) {
                long index = k * TilePath.FULL + i;
                java.util.Map<?, ?> entry = checkEntry(bundle.path(), index, entries.get(i));
                try {
                    signatures.observe(index, entry);
                } catch (io.serviceproof.verifier.event.ProducerSignatureException e) {
                    throw new LogVerificationException(bundle.path() + ": " + e.getMessage());
                }
                tree.appendEntry(entries.get(i));
            }
        }
        if (!MessageDigest.isEqual(tree.root(), checkpoint.rootHash())) {
            throw new LogVerificationException(firstBadBundle(checkpoint, tree));
        }
        List<TilePath> tiles = Tiles.of(checkpoint.size());
        for (TilePath tile : tiles) {
            if (!MessageDigest.isEqual(fetch(tile.path()), Tiles.encode(tile, tree))) {
                throw new LogVerificationException(tile.path() + " does not match the tree rebuilt from the entries");
            }
        }
        return new Audit(
                checkpoint,
                checkpoint.size(),
                tiles.size(),
                signatures.signedEntries(),
                signatures.devices(),
                signatures.signedAfterSuspension());
    }

    /** Each entry must be the RFC 8785 canonical JSON of an entry object of our schema. */
    private static java.util.Map<?, ?> checkEntry(String bundle, long index, byte[] entry)
            throws LogVerificationException {
        try {
            Object parsed = io.serviceproof.verifier.json.Json.parse(
                    new String(entry, java.nio.charset.StandardCharsets.UTF_8));
            if (!(parsed instanceof java.util.Map<?, ?> map) || !ENTRY_SCHEMA.equals(map.get("schema"))) {
                throw new LogVerificationException(
                        bundle + ": entry " + index + " is not a " + ENTRY_SCHEMA + " entry");
            }
            if (!java.util.Arrays.equals(io.serviceproof.verifier.json.Json.canonicalBytesOf(parsed), entry)) {
                throw new LogVerificationException(
                        bundle + ": entry " + index + " is not in canonical form (RFC 8785)");
            }
            return map;
        } catch (io.serviceproof.verifier.json.JsonException e) {
            throw new LogVerificationException(bundle + ": entry " + index + " is not valid JSON: " + e.getMessage());
        }
    }

    /** Verifies that {@code newer} extends {@code older}, with a consistency proof built from tiles. */
    public void verifyConsistency(Checkpoint older, Checkpoint newer) throws LogVerificationException {
        if (older.size() > newer.size()) {
            throw new LogVerificationException("the newer checkpoint (size " + newer.size()
                    + ") is smaller than the older (" + older.size() + "): the log shrank");
        }
        if (older.size() == 0) {
            return;
        }
        try {
            List<byte[]> proof =
                    new ProofBuilder(new TileNodeReader(source, newer.size())).consistency(older.size(), newer.size());
            ConsistencyProofs.verify(older.size(), newer.size(), proof, older.rootHash(), newer.rootHash());
        } catch (ProofException e) {
            throw new LogVerificationException("the log is not consistent between sizes " + older.size() + " and "
                    + newer.size() + ": " + e.getMessage());
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new LogVerificationException(e.getMessage(), e);
        }
    }

    public Checkpoint latestCheckpoint() throws LogVerificationException {
        try {
            return CheckpointVerifier.verify(fetch("checkpoint"), logKey);
        } catch (MalformedNoteException | NoteVerificationException e) {
            throw new LogVerificationException("checkpoint: " + e.getMessage());
        }
    }

    /** Names the first entry bundle whose entries hash differently from the tiles' level-0 hashes. */
    private String firstBadBundle(Checkpoint checkpoint, MerkleTree fromEntries) throws LogVerificationException {
        for (TilePath tile : Tiles.of(checkpoint.size())) {
            if (tile.level() != 0) {
                continue;
            }
            List<byte[]> published = Tiles.decode(tile, fetch(tile.path()));
            for (int i = 0; i < published.size(); i++) {
                long index = tile.index() * TilePath.FULL + i;
                if (!MessageDigest.isEqual(published.get(i), fromEntries.node(0, index))) {
                    return "entry " + index + " (in "
                            + new TilePath(TilePath.ENTRIES, tile.index(), tile.width()).path()
                            + ") does not hash to the published leaf hash";
                }
            }
        }
        return "the entries re-hash to a root different from the checkpoint's (" + Rfc9162.HASH_SIZE
                + "-byte roots differ)";
    }

    private byte[] fetch(String path) throws LogVerificationException {
        try {
            return source.fetch(path);
        } catch (IOException e) {
            throw new LogVerificationException("cannot fetch " + path + ": " + e.getMessage(), e);
        }
    }
}
