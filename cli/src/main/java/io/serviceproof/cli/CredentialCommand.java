package io.serviceproof.cli;

import io.serviceproof.verifier.credential.CredentialVerifier;
import io.serviceproof.verifier.note.VerifierKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
            names = "--suspension-list",
            paramLabel = "<file>",
            description =
                    "For a conformity-assessment body's credential: its suspension list, saved from the URL of the"
                            + " credential's suspension entry")
    Path suspensionList;

    @Option(
            names = "--vkey",
            description = "The issuer's log verifier key, or @file, to check the evidence's log proofs")
    String vkey;

    @Option(
            names = "--entries",
            paramLabel = "<folder>",
            description = "A folder of the log entries the credential's proofs name, each entry-<index>.json with the"
                    + " entry's exact bytes (a dossier's log/entries/, or GET /logs/<slug>/tile/entries/...):"
                    + " without them the proofs' inclusion is not checked")
    Path entries;

    @Option(
            names = "--log-url",
            paramLabel = "<url>",
            description = "Fetch the log entries the proofs name from the issuer's public log (C2SP tiles), e.g."
                    + " https://<host>/logs/<slug>; what is fetched is checked, never trusted")
    String logUrl;

    @Option(names = "--at", paramLabel = "<instant>", description = "Check validity at this time (default: now)")
    String at;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Instant when = Reports.at(at);
        Optional<VerifierKey> logKey = vkey == null ? Optional.empty() : Optional.of(Keys.verifierKey(vkey));
        byte[] credential = Files.readAllBytes(file);
        if (didDocument == null && new String(credential, StandardCharsets.UTF_8).contains("\"did:web:")) {
            // Offline means no resolution: without the saved document there is nothing to check against.
            throw new IllegalArgumentException(
                    "the issuer is a did:web: give its saved DID document with --did-document"
                            + " (https://<host>/<path>/did.json)");
        }
        CredentialVerifier.Report report = CredentialVerifier.verify(
                credential,
                new CredentialVerifier.Inputs(
                        read(didDocument), read(statusList), logKey, when, entries(credential), read(suspensionList)));
        return Reports.print(
                report,
                "credential",
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** The entries given: a folder's entry-<index>.json files, and what the public log serves. */
    private java.util.Map<Long, byte[]> entries(byte[] credential) throws java.io.IOException {
        java.util.Map<Long, byte[]> found = new java.util.HashMap<>();
        if (logUrl != null) {
            found.putAll(LogEntries.named(credential, new HttpTileSource(logUrl, null)));
        }
        if (entries != null) {
            found.putAll(fromFolder(entries));
        }
        return found;
    }

    /** entry-<index>.json files of a folder, by index. */
    private static java.util.Map<Long, byte[]> fromFolder(Path folder) throws java.io.IOException {
        java.util.Map<Long, byte[]> found = new java.util.HashMap<>();
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.matches("entry-[0-9]{1,18}\\.json") && Files.size(file) <= 0xFFFF) {
                    found.put(Long.parseLong(name.substring(6, name.length() - 5)), Files.readAllBytes(file));
                }
            }
        }
        return found;
    }

    private static Optional<String> read(Path path) throws java.io.IOException {
        return path == null ? Optional.empty() : Optional.of(Files.readString(path, StandardCharsets.UTF_8));
    }
}
