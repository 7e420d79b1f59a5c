package io.serviceproof.cli;

import io.serviceproof.verifier.tiles.LogAuditor;
import io.serviceproof.verifier.tiles.LogVerificationException;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "log",
        mixinStandardHelpOptions = true,
        description =
                "Fetch a log's checkpoint, every entry bundle and every tile, and verify the whole tree against the signed checkpoint.")
final class LogCommand implements Callable<Integer> {

    @Mixin
    LogLocation log;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LogAuditor auditor = new LogAuditor(log.tiles(), log.key());
        try {
            LogAuditor.Audit audit = auditor.auditAll();
            spec.commandLine()
                    .getOut()
                    .printf(
                            "VALID: log %s, %d entries, %d tiles, root %s%n",
                            audit.checkpoint().origin(),
                            audit.entries(),
                            audit.tiles(),
                            Base64.getEncoder()
                                    .encodeToString(audit.checkpoint().rootHash()));
            return ServiceProofVerify.VALID;
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
