package io.serviceproof.cli;

import io.serviceproof.verifier.credential.CredentialVerifier;
import io.serviceproof.verifier.note.VerifierKey;
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
        name = "credential",
        mixinStandardHelpOptions = true,
        description = "Verify a conformity credential offline: its eddsa-jcs-2022 proof by the issuer's key, its"
                + " validity period, its revocation status and the log proofs in its evidence.")
final class CredentialCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<file>", description = "The credential (JSON)")
    Path file;

    @Option(
            names = "--did-document",
            paramLabel = "<file>",
            description =
                    "The issuer's DID document, saved from https://<host>/orgs/<slug>/did.json (needed for did:web)")
    Path didDocument;

    @Option(
            names = "--status-list",
            paramLabel = "<file>",
            description = "The issuer's status list credential, saved from the credential's statusListCredential URL")
    Path statusList;

    @Option(
            names = "--vkey",
            description = "The issuer's log verifier key, or @file, to check the evidence's log proofs")
    String vkey;

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
        Optional<VerifierKey> logKey = vkey == null ? Optional.empty() : Optional.of(Keys.verifierKey(vkey));
        byte[] credential = Files.readAllBytes(file);
        if (didDocument == null && new String(credential, StandardCharsets.UTF_8).contains("\"did:web:")) {
            // Offline means no resolution: without the saved document there is nothing to check against.
            throw new IllegalArgumentException(
                    "the issuer is a did:web: give its saved DID document with --did-document"
                            + " (https://<host>/<path>/did.json)");
        }
        CredentialVerifier.Report report = CredentialVerifier.verify(
                credential, new CredentialVerifier.Inputs(read(didDocument), read(statusList), logKey, when));
        for (CredentialVerifier.Check check : report.checks()) {
            out.printf("%-12s %s: %s%n", label(check.outcome()), check.name(), check.detail());
        }
        if (report.valid()) {
            out.println("VALID credential"
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

    private static Optional<String> read(Path path) throws java.io.IOException {
        return path == null ? Optional.empty() : Optional.of(Files.readString(path, StandardCharsets.UTF_8));
    }

    private static String label(CredentialVerifier.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "[ok]";
            case FAILED -> "[FAILED]";
            case NOT_CHECKED -> "[not checked]";
        };
    }
}
