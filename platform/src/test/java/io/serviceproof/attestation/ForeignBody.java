package io.serviceproof.attestation;

import io.serviceproof.verifier.credential.BitstringStatusList;
import io.serviceproof.verifier.credential.EddsaJcs2022;
import io.serviceproof.verifier.credential.Multikey;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.note.Ed25519;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A certification body on another server, {@code did:web:cb.example}, with its own key: it re-issues
 * (as its own) the body credential a test obtained here, and publishes a DID document and two status
 * lists, as an importer would fetch them from its host.
 */
record ForeignBody(String did, byte[] seed) {

    static ForeignBody create() {
        return new ForeignBody("did:web:cb.example", Ed25519.newSeed());
    }

    String method() {
        return did + "#key-1";
    }

    /** The credential {@code template} as this body would issue it (status lists on its own host). */
    @SuppressWarnings("unchecked")
    String issue(String template, String issuedTo) throws Exception {
        Map<String, Object> vc = new LinkedHashMap<>((Map<String, Object>) Json.parse(template));
        vc.remove("proof");
        vc.put("issuer", Map.of("type", List.of("CredentialIssuer"), "id", did, "name", "CB Example Certification"));
        vc.put("id", "urn:uuid:" + java.util.UUID.randomUUID());
        Map<String, Object> subject = new LinkedHashMap<>((Map<String, Object>) vc.get("credentialSubject"));
        subject.put("issuedToParty", Map.of("type", List.of("Party"), "id", issuedTo, "name", "Exporter"));
        vc.put("credentialSubject", subject);
        vc.put(
                "credentialStatus",
                List.of(
                        entry("https://cb.example/status/1", "revocation"),
                        entry("https://cb.example/status/2", "suspension")));
        return sign(vc);
    }

    String didDocument() throws Exception {
        byte[] publicKey = Ed25519.rawPublicKey(Ed25519.fromSeed(seed).getPublic());
        return Json.canonical(Map.of(
                "@context", List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"),
                "id", did,
                "verificationMethod",
                        List.of(Map.of(
                                "id",
                                method(),
                                "type",
                                "Multikey",
                                "controller",
                                did,
                                "publicKeyMultibase",
                                Multikey.encodePublic(publicKey))),
                "assertionMethod", List.of(method())));
    }

    String statusList(int n, BitstringStatusList bits) throws Exception {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
        list.put("id", "https://cb.example/status/" + n);
        list.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        list.put("issuer", did);
        list.put("validFrom", "2026-01-01T00:00:00Z");
        list.put(
                "credentialSubject",
                Map.of(
                        "id",
                        "https://cb.example/status/" + n + "#list",
                        "type",
                        "BitstringStatusList",
                        "statusPurpose",
                        n == 1 ? "revocation" : "suspension",
                        "encodedList",
                        bits.encode()));
        return sign(list);
    }

    private String sign(Map<String, Object> unsecured) throws Exception {
        return EddsaJcs2022.sign(
                Json.canonical(unsecured),
                new EddsaJcs2022.ProofOptions("2026-01-01T00:00:00Z", method(), "assertionMethod"),
                seed);
    }

    private static Map<String, Object> entry(String list, String purpose) {
        return Map.of(
                "id",
                list + "#7",
                "type",
                "BitstringStatusListEntry",
                "statusPurpose",
                purpose,
                "statusListIndex",
                "7",
                "statusListCredential",
                list);
    }
}
