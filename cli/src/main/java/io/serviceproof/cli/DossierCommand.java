package io.serviceproof.cli;

import io.serviceproof.verifier.credential.CredentialVerifier;
import io.serviceproof.verifier.dossier.DossierVerifier;
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
        name = "dossier",
        mixinStandardHelpOptions = true,
        description = "Verify a conformity dossier offline: the archive is safe, the manifest is signed by the issuer,"
                + " every file matches it, and the credential inside verifies. Nothing is extracted to disk."
                + " The issuer's DID document, its status list and its log key are trust anchors: obtain them"
                + " independently of the dossier (from the issuer's published addresses) and give them here;"
                + " a check that could only be made against the dossier's own copy is reported as not made"
                + " (exit 3) unless --trust-archive is given.")
final class DossierCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<zip>", description = "The dossier")
    Path file;

    @Option(
            names = "--did-document",
            paramLabel = "<file>",
            description = "The issuer's DID document, saved from https://<host>/orgs/<slug>/did.json")
    Path didDocument;

    @Option(
            names = "--status-list",
            paramLabel = "<file>",
            description = "The issuer's current status list credential, saved from the credential's"
                    + " statusListCredential URL (the copy in the dossier may predate a revocation)")
    Path statusList;

    @Option(names = "--vkey", description = "The issuer's log verifier key, or @file, to check the log proofs")
    String vkey;

    @Option(
            names = "--trust-archive",
            description = "Where an anchor above is not given, accept the dossier's own copy (every such check says"
                    + " so); without it those checks are not made and the verdict is INCOMPLETE")
    boolean trustArchive;

    @Option(
            names = "--policy",
            paramLabel = "<file>",
            description =
                    "The witness policy you trust for the issuer's log: its checkpoint must carry the quorum's cosignatures")
    Path policy;

    @Option(names = "--at", paramLabel = "<instant>", description = "Check validity at this time (default: now)")
    String at;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Instant when = Reports.at(at);
        DossierVerifier.Anchors anchors = new DossierVerifier.Anchors(
                read(didDocument),
                read(statusList),
                vkey == null ? Optional.empty() : Optional.of(Keys.verifierKey(vkey)),
                trustArchive,
                read(policy).map(text -> {
                    try {
                        return io.serviceproof.verifier.witness.WitnessPolicy.parse(text);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--policy " + policy + ": " + e.getMessage());
                    }
                }));
        CredentialVerifier.Report report = DossierVerifier.verify(file, anchors, when);
        return Reports.print(
                report,
                "dossier",
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    private static Optional<String> read(Path path) throws java.io.IOException {
        return path == null ? Optional.empty() : Optional.of(Files.readString(path, StandardCharsets.UTF_8));
    }
}
