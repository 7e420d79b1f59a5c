package io.serviceproof.verifier.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.verifier.TestVectors;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.note.Ed25519;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * eddsa-jcs-2022 against the W3C vc-di-eddsa test vectors: every intermediate value, the signature
 * byte for byte, verification of the published credential, and the refusals that matter.
 */
class EddsaJcs2022VectorsTests {

    static final Path DIR = TestVectors.root().resolve("w3c-vc-di-eddsa/TestVectors");
    static final Path JCS = DIR.resolve("eddsa-jcs-2022");

    static String read(Path file) throws Exception {
        return Files.readString(file).strip();
    }

    static String key(String field) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> pair = (Map<String, Object>) Json.parse(read(DIR.resolve("keyPair.json")));
        return (String) pair.get(field);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Path file) throws Exception {
        return (Map<String, Object>) Json.parse(read(file));
    }

    @Test
    void theKeyPairDecodesAndItsSeedDerivesItsPublicKey() throws Exception {
        byte[] publicKey = Multikey.decodePublic(key("publicKeyMultibase"));
        byte[] seed = Multikey.decodeSecret(key("privateKeyMultibase"));
        assertThat(Ed25519.rawPublicKey(Ed25519.fromSeed(seed).getPublic())).isEqualTo(publicKey);
        assertThat(Multikey.encodePublic(publicKey)).isEqualTo(key("publicKeyMultibase"));
        assertThat(Multikey.encodeSecret(seed)).isEqualTo(key("privateKeyMultibase"));
        assertThat(Multikey.fromDidKey(Multikey.didKeyMethod(publicKey))).isEqualTo(publicKey);
    }

    @Test
    void everyIntermediateValueMatchesTheVectors() throws Exception {
        Map<String, Object> unsigned = json(DIR.resolve("unsigned.json"));
        Map<String, Object> config = json(JCS.resolve("proofConfigJCS.json"));
        assertThat(Json.canonical(unsigned)).isEqualTo(read(JCS.resolve("canonDocJCS.txt")));
        assertThat(Json.canonical(config)).isEqualTo(read(JCS.resolve("proofCanonJCS.txt")));
        byte[] hash = EddsaJcs2022.hashData(unsigned, config);
        assertThat(HexFormat.of().formatHex(hash)).isEqualTo(read(JCS.resolve("combinedHashJCS.txt")));
        assertThat(HexFormat.of().formatHex(hash, 0, 32)).isEqualTo(read(JCS.resolve("proofHashJCS.txt")));
        assertThat(HexFormat.of().formatHex(hash, 32, 64)).isEqualTo(read(JCS.resolve("docHashJCS.txt")));
    }

    @Test
    void signingReproducesThePublishedCredentialByteForByte() throws Exception {
        Map<String, Object> config = json(JCS.resolve("proofConfigJCS.json"));
        String secured = EddsaJcs2022.sign(
                read(DIR.resolve("unsigned.json")),
                new EddsaJcs2022.ProofOptions(
                        (String) config.get("created"), (String) config.get("verificationMethod"), (String)
                                config.get("proofPurpose")),
                Multikey.decodeSecret(key("privateKeyMultibase")));
        assertThat(secured).isEqualTo(Json.canonicalize(read(JCS.resolve("signedJCS.json"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> proof = (Map<String, Object>) ((Map<String, Object>) Json.parse(secured)).get("proof");
        assertThat(proof.get("proofValue")).isEqualTo(read(JCS.resolve("sigBTC58JCS.txt")));
        assertThat(HexFormat.of().formatHex(Base58.decode(((String) proof.get("proofValue")).substring(1))))
                .isEqualTo(read(JCS.resolve("sigHexJCS.txt")));
    }

    @Test
    void thePublishedCredentialVerifiesAndTamperingDoesNot() throws Exception {
        String signed = read(JCS.resolve("signedJCS.json"));
        assertThat(EddsaJcs2022.verify(signed, Multikey::fromDidKey).valid()).isTrue();

        assertThat(EddsaJcs2022.verify(
                                signed.replace("The School of Examples", "The School of Forgeries"),
                                Multikey::fromDidKey)
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("the signature does not verify"));
        byte[] otherKey = Ed25519.rawPublicKey(Ed25519.fromSeed(new byte[32]).getPublic());
        assertThat(EddsaJcs2022.verify(signed, method -> otherKey).valid()).isFalse();
        assertThat(EddsaJcs2022.verify(signed.replace("eddsa-jcs-2022", "eddsa-rdfc-2022"), Multikey::fromDidKey)
                        .problems())
                .contains("proof.cryptosuite is eddsa-rdfc-2022, not eddsa-jcs-2022");
        assertThat(EddsaJcs2022.verify(
                                signed.replace("\"proofValue\": \"z", "\"proofValue\": \"u"), Multikey::fromDidKey)
                        .problems())
                .contains("proof.proofValue is missing or not multibase base58btc");
        assertThat(EddsaJcs2022.verify("{\"id\":\"x\"}", Multikey::fromDidKey).problems())
                .containsExactly("there is no proof");
        assertThat(EddsaJcs2022.verify("[1,", Multikey::fromDidKey).valid()).isFalse();
        assertThat(EddsaJcs2022.verify(signed, method -> {
                            throw new IllegalArgumentException("unknown issuer");
                        })
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p).contains("unknown issuer"));
    }

    @Test
    void aProofContextThatIsNotTheCredentialsIsRefused() throws Exception {
        Map<String, Object> signed = json(JCS.resolve("signedJCS.json"));
        Map<String, Object> changed = new LinkedHashMap<>(signed);
        changed.put("@context", java.util.List.of("https://www.w3.org/ns/credentials/v2"));
        assertThat(EddsaJcs2022.verify(Json.canonical(changed), Multikey::fromDidKey)
                        .problems())
                .contains("the proof's @context is not the start of the credential's @context");
    }

    @Test
    void base58RoundTripsRandomBytesIncludingLeadingZeros() {
        Random random = new Random(58);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextInt(70)];
            random.nextBytes(bytes);
            if (bytes.length > 2 && i % 5 == 0) {
                bytes[0] = 0;
                bytes[1] = 0;
            }
            assertThat(Base58.decode(Base58.encode(bytes))).isEqualTo(bytes);
        }
        assertThat(Base58.encode(new byte[0])).isEmpty();
        assertThatThrownBy(() -> Base58.decode("0OIl")).hasMessageContaining("not a base58btc character");
        assertThatThrownBy(() -> Multikey.decodePublic("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"))
                .hasMessageContaining("public key");
    }
}
