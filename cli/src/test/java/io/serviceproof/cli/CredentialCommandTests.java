package io.serviceproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.verifier.credential.BitstringStatusList;
import io.serviceproof.verifier.credential.EddsaJcs2022;
import io.serviceproof.verifier.credential.Multikey;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.note.Ed25519;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serviceproof-verify credential}: offline, with the issuer's saved did:web document. */
class CredentialCommandTests {

    static final String DID = "did:web:exporter.example:orgs:acme";
    static final String LIST = "https://exporter.example/orgs/acme/credentials/status/1";

    @TempDir
    Path folder;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    byte[] seed = Ed25519.newSeed();
    Path didDocument;
    Path credential;

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return ServiceProofVerify.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @BeforeEach
    void issue() throws Exception {
        byte[] publicKey = Ed25519.rawPublicKey(Ed25519.fromSeed(seed).getPublic());
        didDocument = folder.resolve("did.json");
        Files.writeString(
                didDocument,
                Json.canonical(Map.of(
                        "id",
                        DID,
                        "verificationMethod",
                        List.of(Map.of(
                                "id",
                                DID + "#key-1",
                                "type",
                                "Multikey",
                                "controller",
                                DID,
                                "publicKeyMultibase",
                                Multikey.encodePublic(publicKey))),
                        "assertionMethod",
                        List.of(DID + "#key-1"))));
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
        vc.put("type", List.of("DigitalConformityCredential", "VerifiableCredential"));
        vc.put("issuer", Map.of("id", DID, "name", "Acme"));
        vc.put("validFrom", "2026-01-01T00:00:00Z");
        vc.put("validUntil", "2099-01-01T00:00:00Z");
        vc.put("credentialSubject", Map.of("id", "urn:example:attestation", "name", "CNC line"));
        vc.put(
                "credentialStatus",
                List.of(Map.of(
                        "type", "BitstringStatusListEntry",
                        "statusPurpose", "revocation",
                        "statusListIndex", "42",
                        "statusListCredential", LIST)));
        credential = folder.resolve("credential.json");
        Files.writeString(credential, sign(vc));
    }

    private String sign(Map<String, Object> document) throws Exception {
        return EddsaJcs2022.sign(
                Json.canonical(document),
                new EddsaJcs2022.ProofOptions("2026-11-26T00:00:00Z", DID + "#key-1", "assertionMethod"),
                seed);
    }

    private Path statusList(BitstringStatusList bits) throws Exception {
        Path file = folder.resolve("status.json");
        Files.writeString(
                file,
                sign(Map.of(
                        "@context",
                        List.of("https://www.w3.org/ns/credentials/v2"),
                        "id",
                        LIST,
                        "type",
                        List.of("VerifiableCredential", "BitstringStatusListCredential"),
                        "issuer",
                        DID,
                        "validFrom",
                        "2026-11-26T00:00:00Z",
                        "credentialSubject",
                        Map.of(
                                "id",
                                LIST + "#list",
                                "type",
                                "BitstringStatusList",
                                "statusPurpose",
                                "revocation",
                                "encodedList",
                                bits.encode()))));
        return file;
    }

    @Test
    void aValidCredentialExitsZeroAndSaysWhatWasChecked() throws Exception {
        Path list = statusList(BitstringStatusList.empty());
        assertThat(run(
                        "credential",
                        credential.toString(),
                        "--did-document",
                        didDocument.toString(),
                        "--status-list",
                        list.toString()))
                .isEqualTo(0);
        assertThat(out.toString()).contains("[ok]", "signature", "not revoked: entry 42", "VALID credential");

        // Without the issuer's current list, revocation is not checked: never VALID, exit 3.
        assertThat(run("credential", credential.toString(), "--did-document", didDocument.toString()))
                .isEqualTo(3);
        assertThat(out.toString()).contains("[not checked]  revocation").doesNotContain("VALID");
        assertThat(err.toString()).contains("INCOMPLETE", "revocation");
    }

    @Test
    void aRevokedTamperedOrMalformedCredentialExitsOneNamingWhy() throws Exception {
        Path list = statusList(BitstringStatusList.empty().with(42, true));
        assertThat(run(
                        "credential",
                        credential.toString(),
                        "--did-document",
                        didDocument.toString(),
                        "--status-list",
                        list.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("INVALID", "REVOKED: entry 42");

        Files.writeString(credential, Files.readString(credential).replace("CNC line", "CNC lime"));
        assertThat(run("credential", credential.toString(), "--did-document", didDocument.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("signature does not verify");

        Files.writeString(credential, "{\"issuer\": \"did:web:exporter.example:orgs:acme\", ");
        assertThat(run("credential", credential.toString(), "--did-document", didDocument.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("format: not a JSON object");
    }

    @Test
    void whatCannotBeCheckedOfflineIsAUsageError() throws Exception {
        assertThat(run("credential", credential.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--did-document");
        assertThat(run("credential", folder.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(run(
                        "credential",
                        credential.toString(),
                        "--did-document",
                        didDocument.toString(),
                        "--at",
                        "tomorrow"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--at");
    }
}
