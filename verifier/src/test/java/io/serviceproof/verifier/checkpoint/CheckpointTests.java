package io.serviceproof.verifier.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.verifier.TestVectors;
import io.serviceproof.verifier.note.Ed25519;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.NoteSigner;
import io.serviceproof.verifier.note.NoteVerificationException;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.note.SignerKey;
import io.serviceproof.verifier.tlog.MerkleTree;
import io.serviceproof.verifier.tlog.ProofException;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

class CheckpointTests {

    private static final Path SIGSTORE = TestVectors.root().resolve("sigstore-java-checkpoints");

    @TestFactory
    Stream<DynamicTest> sigstoreCheckpointsParseOrAreRejected() throws Exception {
        JsonNode expected = TestVectors.json(SIGSTORE.resolve("expected.json"));
        try (Stream<Path> files = Files.list(SIGSTORE.resolve("checkpoints"))) {
            return files.sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        byte[] bytes = Files.readAllBytes(file);
                        JsonNode expectation = expected.get(file.getFileName().toString());
                        if (file.getFileName().toString().startsWith("error_")) {
                            assertThatThrownBy(() -> Checkpoint.parse(
                                            SignedNote.parse(bytes).text()))
                                    .isInstanceOf(MalformedNoteException.class);
                        } else {
                            SignedNote note = SignedNote.parse(bytes);
                            Checkpoint checkpoint = Checkpoint.parse(note.text());
                            assertThat(checkpoint.origin())
                                    .isEqualTo(expectation.get("origin").asString());
                            assertThat(checkpoint.size())
                                    .isEqualTo(expectation.get("treeSize").asLong());
                            assertThat(note.signatures())
                                    .extracting(s -> s.name())
                                    .containsExactlyElementsOf(
                                            expectation.get("signatures").findValuesAsString("name"));
                            if (expectation.has("rootHashB64")) {
                                assertThat(Base64.getEncoder().encodeToString(checkpoint.rootHash()))
                                        .isEqualTo(
                                                expectation.get("rootHashB64").asString());
                                assertThat(checkpoint.extensions()).containsExactly("Timestamp: 1697034484441201852");
                                assertThat(checkpoint.text()).isEqualTo(note.text());
                            }
                        }
                    }));
        }
    }

    @Test
    void theC2spAndGoCheckpointBodiesParse() throws Exception {
        JsonNode bodies = TestVectors.json(TestVectors.root().resolve("c2sp-signed-note/signed-note-vectors.json"))
                .get("checkpointBodies");
        Checkpoint go = Checkpoint.parse(bodies.get(0).get("body").asString());
        assertThat(go.size()).isEqualTo(123456789012L);
        assertThat(go.rootHash()).isEqualTo(Rfc9162.leafHash("hello world".getBytes(StandardCharsets.UTF_8)));
        Checkpoint c2sp = Checkpoint.parse(
                SignedNote.parse(bodies.get(1).get("signedNote").asString()).text());
        assertThat(c2sp.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(c2sp.size()).isEqualTo(20852163);
    }

    @Test
    void sizesWithLeadingZerosOrSignsAndShortRootsAreMalformed() {
        String root = Base64.getEncoder().encodeToString(new byte[32]);
        for (String size : List.of("01", "+1", "-1", "1.0", "99999999999999999999", "")) {
            assertThatThrownBy(() -> Checkpoint.parse("log\n" + size + "\n" + root + "\n"))
                    .as(size)
                    .isInstanceOf(MalformedNoteException.class);
        }
        assertThatThrownBy(() -> Checkpoint.parse("log\n1\nAAAA\n")).isInstanceOf(MalformedNoteException.class);
        assertThatThrownBy(() -> Checkpoint.parse("log\n1\n" + root + "\n\n"))
                .isInstanceOf(MalformedNoteException.class);
    }

    @Test
    void aTlogProofRoundTripsAndVerifiesOnlyForItsEntryAndLog() throws Exception {
        SignerKey log = SignerKey.fromSeed("logs.example/demo", Ed25519.newSeed());
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 300; i++) {
            tree.appendEntry(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        Checkpoint checkpoint = new Checkpoint("logs.example/demo", tree.size(), tree.root());
        SignedNote signed = NoteSigner.sign(checkpoint.text(), log);
        TlogProof proof = new TlogProof(null, 42, tree.inclusionProof(42, tree.size()), signed);

        TlogProof parsed = TlogProof.parse(proof.format());
        assertThat(parsed.format()).isEqualTo(proof.format());
        assertThat(new String(proof.format(), StandardCharsets.UTF_8)).startsWith("c2sp.org/tlog-proof@v1\nindex 42\n");
        byte[] leaf = Rfc9162.leafHash("entry 42".getBytes(StandardCharsets.UTF_8));
        assertThat(CheckpointVerifier.verifyProof(parsed, leaf, log.verifierKey())
                        .size())
                .isEqualTo(300);

        byte[] otherLeaf = Rfc9162.leafHash("entry 43".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CheckpointVerifier.verifyProof(parsed, otherLeaf, log.verifierKey()))
                .isInstanceOf(ProofException.class);
        SignerKey otherLog = SignerKey.fromSeed("logs.example/demo", Ed25519.newSeed());
        assertThatThrownBy(() -> CheckpointVerifier.verifyProof(parsed, leaf, otherLog.verifierKey()))
                .isInstanceOf(NoteVerificationException.class);
    }

    @Test
    void extraDataRoundTripsAndBrokenProofFilesAreMalformed() throws Exception {
        SignerKey log = SignerKey.fromSeed("l", Ed25519.newSeed());
        SignedNote signed = NoteSigner.sign(new Checkpoint("l", 1, Rfc9162.leafHash(new byte[0])).text(), log);
        TlogProof proof = new TlogProof(new byte[] {1, 2, 3}, 0, List.of(), signed);
        assertThat(TlogProof.parse(proof.format()).extra()).containsExactly(1, 2, 3);

        String text = new String(proof.format(), StandardCharsets.UTF_8);
        for (String broken : List.of(
                text.replace("c2sp.org/tlog-proof@v1", "c2sp.org/tlog-proof@v2"),
                text.replace("index 0", "index 00"),
                text.replace("index 0", "idx 0"),
                text.replace("index 0\n", "index 0\nnot-base64!\n"),
                text.replace("index 0\n", "index 0\nAAAA\n"))) {
            assertThatThrownBy(() -> TlogProof.parse(broken.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(MalformedNoteException.class);
        }
    }
}
