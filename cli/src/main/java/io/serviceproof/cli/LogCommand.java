package io.serviceproof.cli;

import io.serviceproof.verifier.tiles.LogAuditor;
import io.serviceproof.verifier.tiles.LogVerificationException;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "log",
        mixinStandardHelpOptions = true,
        description =
                "Fetch a log's checkpoint, every entry bundle and every tile, and verify the whole tree against the signed checkpoint.")
final class LogCommand implements Callable<Integer> {

    @Option(names = "--url", required = true, description = "The log's base URL, e.g. https://example.com/logs/demo")
    String url;

    @Option(names = "--vkey", required = true, description = "The log's verifier key, or @file holding it")
    String vkey;

    @Option(names = "--token", description = "API token, for logs that are not public (or set SERVICEPROOF_TOKEN)")
    String token;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String bearer = token != null ? token : System.getenv("SERVICEPROOF_TOKEN");
        LogAuditor auditor = new LogAuditor(new HttpTileSource(url, bearer), Keys.verifierKey(vkey));
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
            if (e.getCause() instanceof java.io.IOException || e.getCause() instanceof java.io.UncheckedIOException) {
                throw new java.io.IOException(e.getMessage(), e);
            }
            spec.commandLine().getErr().println("INVALID: " + e.getMessage());
            return ServiceProofVerify.INVALID;
        }
    }
}
