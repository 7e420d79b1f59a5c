package io.serviceproof.verifier.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.verifier.TestVectors;
import io.serviceproof.verifier.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The offline credential checks, on the W3C eddsa-jcs-2022 test vector and on credentials signed
 * here with the vector's key pair, one defect at a time.
 */
class CredentialVerifierTests {

    static final Path DIR = TestVectors.root().resolve("w3c-vc-di-eddsa/TestVectors");
    static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

    static byte[] seed() throws Exception {
        Map<?, ?> pair = (Map<?, ?>) Json.parse(Files.readString(DIR.resolve("keyPair.json")));
        return Multikey.decodeSecret((String) pair.get("privateKeyMultibase"));
    }

    static String didKey() throws Exception {
        Map<?, ?> pair = (Map<?, ?>) Json.parse(Files.readString(DIR.resolve("keyPair.json")));
        return "did:key:" + pair.get("publicKeyMultibase");
    }

    static String method() throws Exception {
        return didKey() + "#" + didKey().substring("did:key:".length());
    }

    /** A credential issued by the vector key's own did:key, signed here. */
    static String credential(Map<String, Object> extra) throws Exception {
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
        vc.put("type", List.of("VerifiableCredential", "DigitalConformityCredential"));
        vc.put("issuer", Map.of("id", didKey(), "name", "Test issuer"));
        vc.put("validFrom", "2026-01-01T00:00:00Z");
        vc.put("validUntil", "2027-01-01T00:00:00Z");
        vc.put("credentialSubject", Map.of("id", "urn:example:subject", "name", "Line"));
        vc.putAll(extra);
        return EddsaJcs2022.sign(
                Json.canonical(vc),
                new EddsaJcs2022.ProofOptions("2026-11-26T00:00:00Z", method(), "assertionMethod"),
                seed());
    }

    static CredentialVerifier.Report verify(String credential, String statusList) {
        return CredentialVerifier.verify(
                credential.getBytes(StandardCharsets.UTF_8),
                new CredentialVerifier.Inputs(
                        Optional.empty(), Optional.ofNullable(statusList), Optional.empty(), NOW));
    }

    static List<String> failed(CredentialVerifier.Report report) {
        return report.failures().stream().map(CredentialVerifier.Check::name).toList();
    }

    @Test
    void theW3cVectorsSignatureVerifiesButItsIssuerIsNotTheSigningKey() throws Exception {
        CredentialVerifier.Report report = verify(Files.readString(DIR.resolve("eddsa-jcs-2022/signedJCS.json")), null);
        assertThat(report.checks())
                .filteredOn(c -> c.name().equals("signature"))
                .singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(CredentialVerifier.Outcome.PASSED));
        // Its issuer is https://vc.example/issuers/5678 while a did:key signed it: nothing binds the two.
        assertThat(failed(report)).containsExactly("issuer");
    }

    @Test
    void aCredentialSignedByItsIssuersKeyWithoutAStatusListIsIrrevocableAndComplete() throws Exception {
        CredentialVerifier.Report report = verify(credential(Map.of()), null);
        assertThat(report.complete()).as(report.toString()).isTrue();
        assertThat(report.checks())
                .filteredOn(c -> c.name().equals("revocation"))
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("irrevocable"));
    }

    @Test
    void eachDefectIsNamed() throws Exception {
        String valid = credential(Map.of());
        assertThat(failed(verify(valid.replace("\"Line\"", "\"Lime\""), null))).containsExactly("signature");
        assertThat(failed(verify(valid.replace("\"proofValue\":\"z", "\"proofValue\":\"y"), null)))
                .containsExactly("signature");
        assertThat(failed(verify("{\"not\": \"closed\"", null))).containsExactly("format");
        assertThat(failed(verify("[1,2]", null))).containsExactly("format");
        assertThat(failed(verify(credential(Map.of("validUntil", "2026-06-01T00:00:00Z")), null)))
                .containsExactly("validity");
        assertThat(failed(verify(credential(Map.of("validFrom", "2027-06-01T00:00:00Z")), null)))
                .containsExactly("validity");
        assertThat(failed(verify(credential(Map.of("@context", List.of("https://example.org/v1"))), null)))
                .containsExactly("format");
    }

    static final String LIST_URL = "https://issuer.example/status/1";

    /** A credential's revocation entry: place 7 of the issuer's list. */
    static final Map<String, Object> STATUS_AT_7 = Map.of(
            "credentialStatus",
            List.of(Map.of(
                    "id", LIST_URL + "#7",
                    "type", "BitstringStatusListEntry",
                    "statusPurpose", "revocation",
                    "statusListIndex", "7",
                    "statusListCredential", LIST_URL)));

    @Test
    void theStatusListDecidesRevocation() throws Exception {
        String listUrl = LIST_URL;
        String credential = credential(STATUS_AT_7);
        assertThat(verify(credential, statusList(listUrl, BitstringStatusList.empty(), didKey()))
                        .valid())
                .isTrue();
        CredentialVerifier.Report revoked = verify(
                credential, statusList(listUrl, BitstringStatusList.empty().with(7, true), didKey()));
        assertThat(revoked.failures())
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("REVOKED"));
        // Another list, or a list that someone else issued, decides nothing.
        assertThat(failed(verify(
                        credential, statusList("https://other.example/1", BitstringStatusList.empty(), didKey()))))
                .containsExactly("revocation");
        assertThat(failed(verify(credential, statusList(listUrl, BitstringStatusList.empty(), "did:example:other"))))
                .containsExactly("revocation");
    }

    static String statusList(String url, BitstringStatusList bits, String issuer) throws Exception {
        return statusList(url, bits, issuer, "2026-11-01T00:00:00Z", null);
    }

    @Test
    void aStatusListPastItsValidityDecidesNothingAndItsAgeIsReported() throws Exception {
        String listUrl = LIST_URL;
        String credential = credential(STATUS_AT_7);
        String fresh = statusList(
                listUrl, BitstringStatusList.empty(), didKey(), "2026-11-25T12:00:00Z", "2026-11-26T12:00:00Z");
        assertThat(verify(credential, fresh).checks())
                .filteredOn(c -> c.name().equals("revocation"))
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("12 h before this check", "valid until 2026-11-26T12"));
        // An old copy, perhaps from before a revocation, is refused once it lapses.
        String lapsed = statusList(
                listUrl, BitstringStatusList.empty(), didKey(), "2026-11-24T00:00:00Z", "2026-11-25T00:00:00Z");
        assertThat(verify(credential, lapsed).failures())
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("lapsed", "fetch the issuer's current one"));
        String future = statusList(
                listUrl, BitstringStatusList.empty(), didKey(), "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z");
        assertThat(failed(verify(credential, future))).containsExactly("revocation");
    }

    static final String SUSPENSION_URL = "https://issuer.example/status/2";

    /** A body's credential: place 7 of its revocation list and of its suspension list. */
    static final Map<String, Object> BOTH_AT_7 = Map.of(
            "credentialStatus",
            List.of(
                    STATUS_AT_7.get("credentialStatus") instanceof List<?> l ? l.get(0) : null,
                    Map.of(
                            "id", SUSPENSION_URL + "#7",
                            "type", "BitstringStatusListEntry",
                            "statusPurpose", "suspension",
                            "statusListIndex", "7",
                            "statusListCredential", SUSPENSION_URL)));

    static CredentialVerifier.Report verify(String credential, String revocation, String suspension) {
        return CredentialVerifier.verify(
                credential.getBytes(StandardCharsets.UTF_8),
                new CredentialVerifier.Inputs(
                        Optional.empty(),
                        Optional.ofNullable(revocation),
                        Optional.empty(),
                        NOW,
                        Map.of(),
                        Optional.ofNullable(suspension)));
    }

    @Test
    void aSuspensionListDecidesSuspensionAndOnlyForItsOwnPurpose() throws Exception {
        String credential = credential(BOTH_AT_7);
        String revocation = statusList(LIST_URL, BitstringStatusList.empty(), didKey());
        String clear = statusList(
                SUSPENSION_URL, BitstringStatusList.empty(), didKey(), "2026-11-01T00:00:00Z", null, "suspension");
        String set = statusList(
                SUSPENSION_URL,
                BitstringStatusList.empty().with(7, true),
                didKey(),
                "2026-11-01T00:00:00Z",
                null,
                "suspension");
        CredentialVerifier.Report valid = verify(credential, revocation, clear);
        assertThat(valid.complete()).as(valid.toString()).isTrue();
        assertThat(valid.checks()).extracting(CredentialVerifier.Check::name).contains("revocation", "suspension");

        CredentialVerifier.Report suspended = verify(credential, revocation, set);
        assertThat(suspended.failures()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("suspension");
            assertThat(c.reason()).isEqualTo("suspended");
        });
        // Without the suspension list the credential is valid so far, but not proven.
        CredentialVerifier.Report unchecked = verify(credential, revocation, null);
        assertThat(unchecked.valid()).isTrue();
        assertThat(unchecked.complete()).isFalse();
        assertThat(unchecked.notChecked())
                .extracting(CredentialVerifier.Check::reason)
                .containsExactly("suspension-not-given");
        // A revocation list offered as the suspension list (same URL, other purpose) is refused.
        String wrongPurpose = statusList(SUSPENSION_URL, BitstringStatusList.empty(), didKey());
        assertThat(verify(credential, revocation, wrongPurpose).failures())
                .singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("list-purpose"));
    }

    @Test
    void statusEntriesAreOnePerPurposeAtMost() throws Exception {
        Object revocationEntry = ((List<?>) STATUS_AT_7.get("credentialStatus")).get(0);
        for (List<?> entries : List.of(
                List.of(revocationEntry, revocationEntry),
                List.of(revocationEntry, ((List<?>) BOTH_AT_7.get("credentialStatus")).get(1), revocationEntry),
                List.of(Map.of("type", "BitstringStatusListEntry", "statusPurpose", "message")),
                List.of())) {
            CredentialVerifier.Report report = verify(credential(Map.of("credentialStatus", entries)), null, null);
            assertThat(report.failures())
                    .as(entries.toString())
                    .singleElement()
                    .satisfies(c -> assertThat(c.reason()).isEqualTo("status-malformed"));
        }
    }

    static String statusList(String url, BitstringStatusList bits, String issuer, String from, String until)
            throws Exception {
        return statusList(url, bits, issuer, from, until, "revocation");
    }

    static String statusList(
            String url, BitstringStatusList bits, String issuer, String from, String until, String purpose)
            throws Exception {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
        list.put("id", url);
        list.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        list.put("issuer", issuer);
        list.put("validFrom", from);
        if (until != null) {
            list.put("validUntil", until);
        }
        list.put(
                "credentialSubject",
                Map.of(
                        "id",
                        url + "#list",
                        "type",
                        "BitstringStatusList",
                        "statusPurpose",
                        purpose,
                        "encodedList",
                        bits.encode()));
        return EddsaJcs2022.sign(
                Json.canonical(list),
                new EddsaJcs2022.ProofOptions("2026-11-01T00:00:00Z", method(), "assertionMethod"),
                seed());
    }
}
