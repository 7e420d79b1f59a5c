package io.serviceproof.cli;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.CheckpointVerifier;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.NoteVerificationException;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tiles.LogAuditor;
import io.serviceproof.verifier.tiles.LogVerificationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "consistency",
        mixinStandardHelpOptions = true,
        description =
                "Check that a log only grew between two checkpoints you saved, using a consistency proof built from its tiles.")
final class ConsistencyCommand implements Callable<Integer> {

    @Option(names = "--old", required = true, description = "The earlier checkpoint file")
    Path older;

    @Option(names = "--new", required = true, description = "The later checkpoint file")
    Path newer;

    @Mixin
    LogLocation log;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        VerifierKey key = log.key();
        byte[] oldBytes = Files.readAllBytes(older);
        byte[] newBytes = Files.readAllBytes(newer);
        try {
            Checkpoint first = CheckpointVerifier.verify(oldBytes, key);
            Checkpoint second = CheckpointVerifier.verify(newBytes, key);
            new LogAuditor(log.tiles(), key).verifyConsistency(first, second);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "VALID: log %s grew from %d to %d entries without rewriting any.%n",
                            first.origin(), first.size(), second.size());
            return ServiceProofVerify.VALID;
        } catch (MalformedNoteException | NoteVerificationException e) {
            spec.commandLine().getErr().println("INVALID checkpoint: " + e.getMessage());
            return ServiceProofVerify.INVALID;
        } catch (LogVerificationException e) {
            if (withheld(e)) {
                spec.commandLine().getErr().println("INVALID: " + e.getMessage());
                return ServiceProofVerify.INVALID;
            }
            if (e.getCause() instanceof java.io.IOException || e.getCause() instanceof java.io.UncheckedIOException) {
                throw new java.io.IOException(e.getMessage(), e);
            }
            spec.commandLine().getErr().println("INVALID: " + e.getMessage());
            return ServiceProofVerify.INVALID;
        }
    }

    private static boolean withheld(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTileSource.Withheld) {
                return true;
            }
        }
        return false;
    }
}
