package io.serviceproof.verifier.checkpoint;

import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.NoteVerificationException;
import io.serviceproof.verifier.note.NoteVerifier;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tlog.InclusionProofs;
import io.serviceproof.verifier.tlog.ProofException;
import java.util.List;

/** Checks checkpoints and tlog-proofs against a log's verifier key. */
public final class CheckpointVerifier {

    private CheckpointVerifier() {}

    /**
     * Parses and verifies a signed checkpoint: well-formed, signed by the log's key, and (when given)
     * from the expected origin. C2SP asks the log's key name to match the origin, so the key's name
     * is the expected origin unless one is given.
     */
    public static Checkpoint verify(byte[] note, VerifierKey logKey)
            throws MalformedNoteException, NoteVerificationException {
        return verify(SignedNote.parse(note), logKey);
    }

    public static Checkpoint verify(SignedNote note, VerifierKey logKey)
            throws MalformedNoteException, NoteVerificationException {
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        if (!checkpoint.origin().equals(logKey.name())) {
            throw new NoteVerificationException(
                    "checkpoint origin '" + checkpoint.origin() + "' is not the log '" + logKey.name() + "'");
        }
        NoteVerifier.verify(note, List.of(logKey));
        return checkpoint;
    }

    /**
     * Verifies a tlog-proof for an entry: the checkpoint is the log's, and the entry (by its leaf
     * hash) is at the proof's index in that checkpoint's tree.
     */
    public static Checkpoint verifyProof(TlogProof proof, byte[] leafHash, VerifierKey logKey)
            throws MalformedNoteException, NoteVerificationException, ProofException {
        Checkpoint checkpoint = verify(proof.checkpointNote(), logKey);
        InclusionProofs.verify(
                proof.index(), checkpoint.size(), leafHash, proof.inclusionProof(), checkpoint.rootHash());
        return checkpoint;
    }
}
