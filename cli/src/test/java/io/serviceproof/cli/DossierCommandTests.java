package io.serviceproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.verifier.credential.EddsaJcs2022;
import io.serviceproof.verifier.credential.Multikey;
import io.serviceproof.verifier.dossier.DossierFormat;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.note.Ed25519;
import io.serviceproof.verifier.note.NoteSigner;
import io.serviceproof.verifier.note.SignerKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serviceproof-verify dossier}: a dossier built the way the platform builds one, then spoiled. */
class DossierCommandTests {

    static final String DID = "did:web:exporter.example:orgs:acme";

    @TempDir
    Path folder;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    byte[] seed = Ed25519.newSeed();

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return ServiceProofVerify.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    Map<String, byte[]> contents() throws Exception {
        byte[] publicKey = Ed25519.rawPublicKey(Ed25519.fromSeed(seed).getPublic());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(
                DossierFormat.DID_DOCUMENT,
                bytes(Json.canonical(Map.of(
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
                        List.of(DID + "#key-1")))));
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
        vc.put("type", List.of("DigitalConformityCredential", "VerifiableCredential"));
        vc.put("issuer", Map.of("id", DID, "name", "Acme"));
        vc.put("validFrom", "2026-01-01T00:00:00Z");
        vc.put("credentialSubject", Map.of("id", "urn:example:attestation", "name", "CNC line"));
        files.put(
                DossierFormat.CREDENTIAL,
                bytes(EddsaJcs2022.sign(
                        Json.canonical(vc),
                        new EddsaJcs2022.ProofOptions("2026-11-26T00:00:00Z", DID + "#key-1", "assertionMethod"),
                        seed)));
        files.put("report/index.html", bytes("<h1>Conformity dossier</h1>"));
        return files;
    }

    Path dossier(Map<String, byte[]> files, Map<String, byte[]> extra) throws Exception {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (var f : files.entrySet()) {
            listed.add(Map.of("path", f.getKey(), "sha256", sha256Hex(f.getValue()), "size", f.getValue().length));
        }
        byte[] manifest = bytes(Json.canonical(Map.of("format", DossierFormat.FORMAT, "files", listed)));
        byte[] signature = bytes(NoteSigner.sign(
                        DossierFormat.signedText(
                                MessageDigest.getInstance("SHA-256").digest(manifest)),
                        SignerKey.fromSeed(DID, seed))
                .format());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, DossierFormat.MANIFEST, manifest);
            put(zip, DossierFormat.SIGNATURE, signature);
            for (var f : files.entrySet()) {
                put(zip, f.getKey(), f.getValue());
            }
            for (var f : extra.entrySet()) {
                put(zip, f.getKey(), f.getValue());
            }
        }
        Path file = folder.resolve("dossier.zip");
        Files.write(file, out.toByteArray());
        return file;
    }

    @Test
    void aSoundDossierIsValidOnlyAgainstAnchorsTheUserGave() throws Exception {
        Map<String, byte[]> files = contents();
        Path zip = dossier(files, Map.of());
        // The archive's own DID document proves nothing: a forger brings one too.
        assertThat(run("dossier", zip.toString())).isEqualTo(3);
        assertThat(out.toString())
                .contains(
                        "[ok]",
                        "manifest signature",
                        "3 files match the manifest",
                        "[not checked]  issuer key: only the dossier's own copy")
                .doesNotContain("VALID");
        assertThat(err.toString()).contains("INCOMPLETE", "issuer key", "--did-document");

        Path did = folder.resolve("did.json");
        Files.write(did, files.get(DossierFormat.DID_DOCUMENT));
        assertThat(run("dossier", zip.toString(), "--did-document", did.toString()))
                .isEqualTo(0);
        assertThat(out.toString()).contains("[ok]           issuer key", "VALID dossier");
    }

    @Test
    void trustingTheArchiveIsExplicitAndSaidOnEveryLineItAffects() throws Exception {
        Path zip = dossier(contents(), Map.of());
        assertThat(run("dossier", zip.toString(), "--trust-archive")).isEqualTo(0);
        assertThat(out.toString()).contains("issuer key: ARCHIVE'S OWN COPY", "VALID dossier");
    }

    @Test
    void anOutsiderSigningUnderTheIssuersNameIsCaughtByThePublishedDidDocument() throws Exception {
        Map<String, byte[]> genuine = contents();
        Path published = folder.resolve("published-did.json");
        Files.write(published, genuine.get(DossierFormat.DID_DOCUMENT));

        seed = Ed25519.newSeed(); // the outsider's key, under the same did:web name
        Path forged = dossier(contents(), Map.of());
        assertThat(run("dossier", forged.toString()))
                .as("never valid without anchors")
                .isEqualTo(3);
        assertThat(run("dossier", forged.toString(), "--did-document", published.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("INVALID", "manifest signature");
    }

    @Test
    void aSpoiledDossierIsInvalidAndNothingIsWrittenOutsideItsFolder() throws Exception {
        Path zip = dossier(contents(), Map.of("../../escaped.txt", bytes("x")));
        assertThat(run("dossier", zip.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("archive: entry name climbs out of the dossier: ../../escaped.txt");
        assertThat(folder.getParent().resolve("escaped.txt")).doesNotExist();

        Map<String, byte[]> files = contents();
        zip = dossier(files, Map.of("evidence/added.pdf", bytes("x")));
        assertThat(run("dossier", zip.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("evidence/added.pdf is not in the manifest");

        Files.writeString(zip, "not a zip");
        assertThat(run("dossier", zip.toString())).isEqualTo(1);
        assertThat(run("dossier", folder.resolve("missing.zip").toString())).isEqualTo(2);
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
