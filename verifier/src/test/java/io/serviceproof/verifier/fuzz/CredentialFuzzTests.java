package io.serviceproof.verifier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.serviceproof.verifier.credential.BitstringStatusList;
import io.serviceproof.verifier.credential.CredentialVerifier;
import io.serviceproof.verifier.credential.DidDocument;
import io.serviceproof.verifier.credential.Multikey;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The credential side of the verifier, fuzzed: DID documents, status lists, Multikeys and whole
 * credentials. Refusals must be the parser's own ({@link IllegalArgumentException}); the verifier
 * never throws, it reports; and no mutation of a signed credential verifies unless what it claims
 * is unchanged. The corpus under {@code .../CredentialFuzzTestsInputs/<test>/} runs in the normal
 * suite; {@code JAZZER_FUZZ=1 ./mvnw -pl verifier test -Dtest='CredentialFuzzTests#<test>'} fuzzes.
 */
class CredentialFuzzTests {

    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

    @FuzzTest(maxDuration = "30s")
    void didDocumentsParseOrAreRefused(byte[] input) {
        DidDocument document;
        try {
            document = DidDocument.parse(new String(input, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertThat(document.id()).startsWith("did:");
        try {
            assertThat(document.assertionKey(document.id() + "#key-1")).hasSize(32);
        } catch (IllegalArgumentException refused) {
            // not a usable Ed25519 assertion key: said so
        }
    }

    /** A status list that decodes re-encodes to a list with the same bits. */
    @FuzzTest(maxDuration = "30s")
    void statusListsRoundTrip(byte[] input) {
        BitstringStatusList list;
        try {
            list = BitstringStatusList.decode(new String(input, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertThat(BitstringStatusList.decode(list.encode()).bytes()).isEqualTo(list.bytes());
    }

    /** One key, one spelling: a Multikey that decodes is exactly what its key encodes to. */
    @FuzzTest(maxDuration = "30s")
    void multikeysHaveOneSpelling(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        byte[] key;
        try {
            key = Multikey.decodePublic(text);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertThat(key).hasSize(32);
        assertThat(Multikey.encodePublic(key)).isEqualTo(text);
    }

    /**
     * The forgery property: whatever bytes arrive, the verifier reports instead of throwing, and if
     * it finds every check passed, the credential claims exactly what its issuer signed (the corpus
     * holds one credential signed with the W3C test-vector key, for the fuzzer to mutate).
     */
    @FuzzTest(maxDuration = "60s")
    void aCredentialThatVerifiesClaimsWhatWasSigned(byte[] input) throws Exception {
        CredentialVerifier.Report report = CredentialVerifier.verify(
                input, new CredentialVerifier.Inputs(Optional.empty(), Optional.empty(), Optional.empty(), NOW));
        assertThat(report.checks()).isNotEmpty();
        if (!report.valid()) {
            return;
        }
        assertThat(unsecured(input)).isEqualTo(unsecured(SignedSeed.BYTES));
    }

    /** The property above is only worth its corpus if the seed verifies. */
    @org.junit.jupiter.api.Test
    void theSeedCredentialVerifies() {
        assertThat(CredentialVerifier.verify(
                                SignedSeed.BYTES,
                                new CredentialVerifier.Inputs(
                                        Optional.empty(), Optional.empty(), Optional.empty(), NOW))
                        .valid())
                .isTrue();
    }

    /** The credential without its proof, canonical: what the issuer's signature covers. */
    private static String unsecured(byte[] credential) throws JsonException {
        @SuppressWarnings("unchecked")
        Map<String, Object> document =
                new LinkedHashMap<>((Map<String, Object>) Json.parse(new String(credential, StandardCharsets.UTF_8)));
        document.remove("proof");
        return Json.canonical(document);
    }

    /** The corpus's signed credential, read once. */
    private static final class SignedSeed {
        static final byte[] BYTES = read();

        private static byte[] read() {
            try {
                return Files.readAllBytes(java.nio.file.Path.of(
                        "src/test/resources/io/serviceproof/verifier/fuzz/CredentialFuzzTestsInputs/"
                                + "aCredentialThatVerifiesClaimsWhatWasSigned/signed-by-vector-key"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
