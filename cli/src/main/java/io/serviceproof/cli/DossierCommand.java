package io.serviceproof.cli;

import io.serviceproof.verifier.credential.CredentialVerifier;
import io.serviceproof.verifier.dossier.DossierVerifier;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "dossier",
        mixinStandardHelpOptions = true,
        description = "Verify a conformity dossier offline: the archive is safe, the manifest is signed by the issuer,"
                + " every file matches it, and the credential inside verifies. Nothing is extracted to disk.")
final class DossierCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<zip>", description = "The dossier")
    Path file;

    @Option(
            names = "--did-document",
            paramLabel = "<file>",
            description = "The issuer's DID document saved independently (default: the copy inside the dossier)")
    Path didDocument;

    @Option(names = "--at", paramLabel = "<instant>", description = "Check validity at this time (default: now)")
    String at;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Instant when;
        try {
            when = at == null ? Instant.now() : Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--at must be an instant such as 2026-11-26T00:00:00Z");
        }
        Optional<String> did = didDocument == null
                ? Optional.empty()
                : Optional.of(Files.readString(didDocument, StandardCharsets.UTF_8));
        CredentialVerifier.Report report = DossierVerifier.verify(Files.readAllBytes(file), did, when);
        for (CredentialVerifier.Check check : report.checks()) {
            out.printf(
                    "%-14s %s: %s%n",
                    switch (check.outcome()) {
                        case PASSED -> "[ok]";
                        case FAILED -> "[FAILED]";
                        case NOT_CHECKED -> "[not checked]";
                    },
                    check.name(),
                    check.detail());
        }
        if (report.valid()) {
            out.println("VALID dossier"
                    + (report.checks().stream().anyMatch(c -> c.outcome() == CredentialVerifier.Outcome.NOT_CHECKED)
                            ? " (some checks were not made: see above)"
                            : ""));
            return ServiceProofVerify.VALID;
        }
        spec.commandLine()
                .getErr()
                .println("INVALID: "
                        + report.failures().stream()
                                .map(c -> c.name() + ": " + c.detail())
                                .reduce((a, b) -> a + "; " + b)
                                .orElse(""));
        return ServiceProofVerify.INVALID;
    }
}
