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
                Checkpoint checkpoint = CheckpointVerifier.verify(proof.checkpointNote(), key);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "VALID checkpoint: log %s, size %d, signed by its key. "
                                        + "Entry %d NOT checked: give --entry <file> to prove it.%n",
                                checkpoint.origin(), checkpoint.size(), proof.index());
                return ServiceProofVerify.VALID;
            }
            byte[] leaf = Rfc9162.leafHash(Files.readAllBytes(entry));
            Checkpoint checkpoint = CheckpointVerifier.verifyProof(proof, leaf, key);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "VALID: the entry is at index %d of log %s (tree size %d, signed checkpoint).%n",
                            proof.index(), checkpoint.origin(), checkpoint.size());
            return ServiceProofVerify.VALID;
        } catch (MalformedNoteException | NoteVerificationException | ProofException e) {
            spec.commandLine().getErr().println("INVALID: " + e.getMessage());
            return ServiceProofVerify.INVALID;
        }
    }
}
