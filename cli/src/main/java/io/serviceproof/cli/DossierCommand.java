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
        Instant when = Reports.at(at);
        Optional<String> did = didDocument == null
                ? Optional.empty()
                : Optional.of(Files.readString(didDocument, StandardCharsets.UTF_8));
        CredentialVerifier.Report report = DossierVerifier.verify(Files.readAllBytes(file), did, when);
        return Reports.print(
                report,
                "dossier",
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
