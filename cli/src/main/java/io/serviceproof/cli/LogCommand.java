package io.serviceproof.cli;

import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.NoteVerificationException;
import io.serviceproof.verifier.tiles.LogAuditor;
import io.serviceproof.verifier.tiles.LogVerificationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "log",
        mixinStandardHelpOptions = true,
        description =
                "Fetch a log's checkpoint, every entry bundle and every tile, verify the whole tree against the "
                        + "signed (and, with --policy, cosigned) checkpoint, and check it extends the one remembered from the last run.")
final class LogCommand implements Callable<Integer> {

    @Mixin
    LogLocation log;

    @Option(
            names = "--policy",
            paramLabel = "<file>",
            description =
                    "A witness policy (docs/formats.md): accept only a checkpoint its quorum of witnesses cosigned")
    Path policy;

    @Mixin
    MemoryOptions memoryOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CheckpointTrust trust = CheckpointTrust.of(policy, log.vkey);
        CheckpointMemory memory = memoryOptions.memory();
        try {
            CheckpointTrust.Believed believed = trust.believe(log.tiles().fetch("checkpoint"));
            LogAuditor auditor = new LogAuditor(log.tiles(), believed.logKey());
            LogAuditor.Audit audit = auditor.audit(believed.checkpoint());

            String memoryKey = believed.logKey().toString();
            Optional<CheckpointMemory.Remembered> remembered = memory.recall(memoryKey);
            Instant now = Instant.now();
            Instant seenSince = now;
            switch (CheckpointTrust.relate(remembered, believed.checkpoint())) {
                case OLDER -> {
                    err.println("INVALID: ROLLBACK: the log now shows "
                            + believed.checkpoint().size()
                            + " entries, fewer than the "
                            + remembered.get().checkpoint().size()
                            + " it showed before; entries were removed or this is a different view of the log");
                    CheckpointTrust.printBoth(err, remembered.get(), believed.note());
                    return ServiceProofVerify.INVALID;
                }
                case FORK -> {
                    err.println("INVALID: FORK: two checkpoints of size "
                            + believed.checkpoint().size() + " with different roots, both signed by the log");
                    CheckpointTrust.printBoth(err, remembered.get(), believed.note());
                    return ServiceProofVerify.INVALID;
                }
                case NEWER -> {
                    try {
                        auditor.verifyConsistency(remembered.get().checkpoint(), believed.checkpoint());
                    } catch (LogVerificationException e) {
                        err.println("INVALID: FORK: the log does not extend the checkpoint remembered from before: "
                                + e.getMessage());
                        CheckpointTrust.printBoth(err, remembered.get(), believed.note());
                        return ServiceProofVerify.INVALID;
                    }
                }
                case SAME -> seenSince = remembered.get().seenSince();
                case FIRST_SEEN -> {}
            }
            memory.remember(memoryKey, believed.note(), seenSince);
            out.printf(
                    "VALID: log %s, %d entries, %d tiles, root %s%s%n",
                    audit.checkpoint().origin(),
                    audit.entries(),
                    audit.tiles(),
                    Base64.getEncoder().encodeToString(audit.checkpoint().rootHash()),
                    remembered.isPresent()
                            ? "; consistent with the checkpoint of size "
                                    + remembered.get().checkpoint().size() + " remembered in " + memory.where()
                            : memory.enabled() ? "; remembered in " + memory.where() : "");
            out.printf(
                    "device signatures: %d entries signed by %d registered device key(s), every signature verified%s%n",
                    audit.deviceSigned(),
                    audit.devices(),
                    audit.signedAfterSuspension() == 0
                            ? ""
                            : "; " + audit.signedAfterSuspension()
                                    + " logged after their device was suspended or retired");
            if (!trust.hasPolicy()) {
                out.println("note: no witness policy given (--policy): a log showing you alone a different history "
                        + "is caught only by comparing with what others saw");
            }
            Optional<String> stale = CheckpointTrust.staleness(believed, seenSince, memoryOptions.maxAge(), now);
            if (stale.isPresent()) {
                err.println(stale.get());
                return ServiceProofVerify.INCOMPLETE;
            }
            return ServiceProofVerify.VALID;
        } catch (MalformedNoteException | NoteVerificationException e) {
            err.println("INVALID: checkpoint: " + e.getMessage());
            return ServiceProofVerify.INVALID;
        } catch (LogVerificationException e) {
            if (withheld(e)) {
                err.println("INVALID: " + e.getMessage());
                return ServiceProofVerify.INVALID;
            }
            if (e.getCause() instanceof java.io.IOException || e.getCause() instanceof java.io.UncheckedIOException) {
                throw new java.io.IOException(e.getMessage(), e);
            }
            err.println("INVALID: " + e.getMessage());
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
