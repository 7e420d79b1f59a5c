package io.serviceproof.cli;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.CheckpointVerifier;
import io.serviceproof.verifier.checkpoint.TlogProof;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.NoteVerificationException;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tlog.ProofException;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "proof",
        mixinStandardHelpOptions = true,
        description =
                "Verify a C2SP tlog-proof file offline: the checkpoint is signed by the log's key and, with --entry, the entry is in its tree.")
final class ProofCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<file>", description = "The .tlog-proof file")
    Path file;

    @Option(names = "--vkey", required = true, description = "The log's verifier key, or @file holding it")
    String vkey;

    @Option(names = "--entry", description = "The entry's exact bytes (its canonical JSON), to prove it is in the log")
    Path entry;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        VerifierKey key = Keys.verifierKey(vkey);
        byte[] bytes = Files.readAllBytes(file);
        try {
            TlogProof proof = TlogProof.parse(bytes);
            if (entry == null) {
                // Everything that can be checked without the entry is; the entry's inclusion is not.
                Checkpoint checkpoint = CheckpointVerifier.verify(proof.checkpointNote(), key);
                if (proof.index() >= checkpoint.size()) {
                    throw new ProofException(
                            "index " + proof.index() + " is beyond the checkpoint's size " + checkpoint.size());
                }
                int expected = pathLength(proof.index(), checkpoint.size());
                if (proof.inclusionProof().size() != expected) {
                    throw new ProofException(
                            "the proof has " + proof.inclusionProof().size() + " hashes; entry " + proof.index()
                                    + " of a tree of " + checkpoint.size() + " needs " + expected);
                }
                spec.commandLine()
                        .getOut()
                        .printf(
                                "[ok] checkpoint: log %s, size %d, signed by its key; the proof's shape fits entry %d%n",
                                checkpoint.origin(), checkpoint.size(), proof.index());
                spec.commandLine()
                        .getErr()
                        .printf(
                                "INCOMPLETE: entry %d was not checked: give --entry <file> to prove it is in the log%n",
                                proof.index());
                return ServiceProofVerify.INCOMPLETE;
            }
            byte[] leaf = Rfc9162.leafHash(Files.readAllBytes(entry));
            Checkpoint checkpoint = CheckpointVerifier.verifyProof(proof, leaf, key);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "VALID: the entry is at index %d of log %s (tree size %d, signed checkpoint).%n",
                            proof.index(), checkpoint.origin(), checkpoint.size());
            return ServiceProofVerify.VALID;
        } catch (MalformedNoteException | NoteVerificationException | ProofException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("INVALID: " + e.getMessage());
            return ServiceProofVerify.INVALID;
        }
    }

    /** RFC 9162 section 2.1.3.1: the number of hashes in the inclusion proof of {@code index} in a tree of {@code size}. */
    static int pathLength(long index, long size) {
        if (size == 1) {
            return 0;
        }
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
        int border = Long.bitCount(index >>> inner);
        return inner + border;
    }
}
