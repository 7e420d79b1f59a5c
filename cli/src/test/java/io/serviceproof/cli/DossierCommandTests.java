package io.serviceproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.TlogProof;
import io.serviceproof.verifier.credential.EddsaJcs2022;
import io.serviceproof.verifier.credential.Multikey;
import io.serviceproof.verifier.dossier.DossierFormat;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.note.Ed25519;
import io.serviceproof.verifier.note.NoteSigner;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.note.SignerKey;
import io.serviceproof.verifier.tlog.MerkleTree;
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
        logIssuance(files, files.get(DossierFormat.CREDENTIAL));
        return files;
    }

    static final String ORIGIN = "exporter.example/acme";
    byte[] logSeed = Ed25519.newSeed();

    /** The issuer's log: one earlier entry, then an issuance entry naming the SHA-256 of {@code issued}. */
    void logIssuance(Map<String, byte[]> files, byte[] credential) throws Exception {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("eventId", "credential:1:issued");
        entry.put("occurredAt", "2026-11-26T00:00:00Z");
        entry.put("payload", Map.of());
        entry.put("schema", "serviceproof.io/ledger-entry/v1");
        entry.put("subjectDigests", List.of(Map.of("sha256", sha256Hex(credential))));
        entry.put("type", "credential.issued");
        byte[] issued = bytes(Json.canonical(entry));
        MerkleTree tree = new MerkleTree();
        tree.appendEntry(bytes("{\"eventId\":\"earlier\"}"));
        tree.appendEntry(issued);
        SignedNote checkpoint = NoteSigner.sign(
                new Checkpoint(ORIGIN, tree.size(), tree.root()).text(), SignerKey.fromSeed(ORIGIN, logSeed));
        files.put(DossierFormat.entryPath(1), issued);
        files.put(
                DossierFormat.proofPath(1),
                new TlogProof(null, 1, tree.inclusionProof(1, tree.size()), checkpoint).format());
        files.put(DossierFormat.LOG_KEY, bytes(logKey() + "\n"));
    }

    String logKey() {
        return SignerKey.fromSeed(ORIGIN, logSeed).verifierKey().toString();
    }

    Path dossier(Map<String, byte[]> files, Map<String, byte[]> extra) throws Exception {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (var f : files.entrySet()) {
            listed.add(Map.of("path", f.getKey(), "sha256", sha256Hex(f.getValue()), "size", f.getValue().length));
        }
        byte[] manifest =
                bytes(Json.canonical(Map.of("format", DossierFormat.FORMAT, "files", listed, "issuanceLogIndex", 1)));
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
                        "6 files match the manifest",
                        "[not checked]  issuer key: only the dossier's own copy")
                .doesNotContain("VALID");
        assertThat(err.toString()).contains("INCOMPLETE", "issuer key", "--did-document");

        Path did = folder.resolve("did.json");
        Files.write(did, files.get(DossierFormat.DID_DOCUMENT));
        // The DID document alone leaves the issuance's log proof unchecked.
        assertThat(run("dossier", zip.toString(), "--did-document", did.toString()))
                .isEqualTo(3);
        assertThat(err.toString()).contains("INCOMPLETE", "issuance");
        assertThat(run("dossier", zip.toString(), "--did-document", did.toString(), "--vkey", logKey()))
                .isEqualTo(0);
        assertThat(out.toString())
                .contains("[ok]           issuer key", "[ok]           issuance: issued as entry 1", "VALID dossier");
    }

    @Test
    void trustingTheArchiveIsExplicitAndSaidOnEveryLineItAffects() throws Exception {
        Path zip = dossier(contents(), Map.of());
        assertThat(run("dossier", zip.toString(), "--trust-archive")).isEqualTo(0);
        assertThat(out.toString())
                .contains("issuer key: ARCHIVE'S OWN COPY", "issuance: issued as entry 1", "VALID dossier");
    }

    @Test
    void anOutsiderSigningUnderTheIssuersNameIsCaughtByThePublishedDidDocument() throws Exception {
        Map<String, byte[]> genuine = contents();
        Path published = folder.resolve("published-did.json");
        Files.write(published, genuine.get(DossierFormat.DID_DOCUMENT));

        seed = Ed25519.newSeed(); // the outsider's keys, under the same names
        logSeed = Ed25519.newSeed();
        Path forged = dossier(contents(), Map.of());
        assertThat(run("dossier", forged.toString()))
                .as("never valid without anchors")
                .isEqualTo(3);
        assertThat(run("dossier", forged.toString(), "--did-document", published.toString(), "--vkey", logKey()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("INVALID", "manifest signature");
    }

    @Test
    void anIssuanceTheLogDoesNotHoldIsRefused() throws Exception {
        Map<String, byte[]> files = contents();
        Path did = folder.resolve("did.json");
        Files.write(did, files.get(DossierFormat.DID_DOCUMENT));
        // The log holds the issuance of another credential, not of this one.
        logIssuance(files, bytes("another credential"));
        Path zip = dossier(files, Map.of());
        String genuineLog = logKey();
        assertThat(run("dossier", zip.toString(), "--did-document", did.toString(), "--vkey", genuineLog))
                .isEqualTo(1);
        assertThat(out.toString()).contains("[FAILED]       issuance");
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
