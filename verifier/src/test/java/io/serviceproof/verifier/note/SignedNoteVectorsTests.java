package io.serviceproof.verifier.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.verifier.TestVectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/** The C2SP / golang.org/x/mod signed-note vectors. */
class SignedNoteVectorsTests {

    private static final JsonNode VECTORS =
            TestVectors.json(TestVectors.root().resolve("c2sp-signed-note/signed-note-vectors.json"));

    @TestFactory
    Stream<DynamicTest> verifierKeysParseAndTheirIdsAreRecomputed() {
        return stream(VECTORS.get("keys"))
                .map(key -> DynamicTest.dynamicTest(key.get("name").asString(), () -> {
                    VerifierKey vkey = VerifierKey.parse(key.get("vkey").asString());
                    assertThat(vkey.name()).isEqualTo(key.get("name").asString());
                    assertThat(String.format("%08x", vkey.keyId()))
                            .isEqualTo(key.get("keyId").asString());
                    assertThat(vkey.toString()).isEqualTo(key.get("vkey").asString());
                }));
    }

    @TestFactory
    Stream<DynamicTest> notesVerifyOrFailAsExpected() {
        return stream(VECTORS.get("vectors"))
                .map(v -> DynamicTest.dynamicTest(v.get("id").asString(), () -> {
                    SignedNote note = SignedNote.parse(v.get("signedNote").asString());
                    List<VerifierKey> trusted = new ArrayList<>();
                    v.get("verifyWith").forEach(k -> trusted.add(VerifierKey.parse(k.asString())));
                    switch (v.get("expect").asString()) {
                        case "valid" -> {
                            List<String> expected = new ArrayList<>();
                            v.get("verifiedSigners").forEach(n -> expected.add(n.asString()));
                            assertThat(NoteVerifier.verify(note, trusted))
                                    .containsExactlyInAnyOrderElementsOf(expected);
                            assertThat(note.format())
                                    .isEqualTo(v.get("signedNote").asString());
                        }
                        case "error", "error-unverified" ->
                            assertThatThrownBy(() -> NoteVerifier.verify(note, trusted))
                                    .isInstanceOf(NoteVerificationException.class);
                        default -> throw new AssertionError("unknown expectation " + v.get("expect"));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> malformedNotesAreRejected() {
        return stream(VECTORS.get("malformed"))
                .map(v -> DynamicTest.dynamicTest(
                        v.has("comment")
                                ? v.get("comment").asString()
                                : v.get("signedNote").asString(),
                        () -> assertThatThrownBy(() ->
                                        SignedNote.parse(v.get("signedNote").asString()))
                                .isInstanceOf(MalformedNoteException.class)));
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] note =
                "\u00ffIf you think\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
                        .getBytes(StandardCharsets.UTF_8);
        note[0] = (byte) 0xFF;
        note[1] = 'I';
        assertThatThrownBy(() -> SignedNote.parse(note))
                .isInstanceOf(MalformedNoteException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void signingWithTheTestKeyReproducesTheGoSignatureByteForByte() throws Exception {
        JsonNode peter = stream(VECTORS.get("keys"))
                .filter(k -> k.has("skey"))
                .findFirst()
                .orElseThrow();
        JsonNode vector = stream(VECTORS.get("vectors"))
                .filter(v -> v.get("id").asString().equals("go-sign-peter"))
                .findFirst()
                .orElseThrow();
        SignerKey signer = SignerKey.parse(peter.get("skey").asString());

        SignedNote signed = NoteSigner.sign(vector.get("text").asString(), signer);

        assertThat(signed.format()).isEqualTo(vector.get("signedNote").asString());
        assertThat(signer.verifierKey().toString()).isEqualTo(peter.get("vkey").asString());
    }

    @Test
    void aFreshKeyRoundTripsAndAnotherKeyWithTheSameNameIsNotTrusted() throws Exception {
        SignerKey key = SignerKey.fromSeed("logs.example/acme", Ed25519.newSeed());
        SignerKey impostor = SignerKey.fromSeed("logs.example/acme", Ed25519.newSeed());
        SignedNote note = NoteSigner.sign("hello\n", impostor);

        assertThat(NoteVerifier.verify(
                        SignedNote.parse(NoteSigner.sign("hello\n", key).format()), List.of(key.verifierKey())))
                .containsExactly("logs.example/acme");
        assertThatThrownBy(() -> NoteVerifier.verify(note, List.of(key.verifierKey())))
                .isInstanceOf(NoteVerificationException.class);
    }

    @Test
    void verifierKeysWithAWrongIdOrTypeAreRejected() {
        assertThatThrownBy(
                        () -> VerifierKey.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> VerifierKey.parse("PeterNeumann+c74f20a3+AhpjZHNvbWV0aGluZw=="))
                .hasMessageContaining("Ed25519");
        assertThatThrownBy(() -> VerifierKey.parse("no-plus-signs-here")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
