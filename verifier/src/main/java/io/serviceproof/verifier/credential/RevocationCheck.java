package io.serviceproof.verifier.credential;

import io.serviceproof.verifier.credential.CredentialVerifier.Check;
import io.serviceproof.verifier.credential.CredentialVerifier.Outcome;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Revocation: the credential's {@code BitstringStatusListEntry} looked up in the issuer's
 * {@code BitstringStatusListCredential}, which must itself be signed by the issuer, be the list the
 * entry names, and decode safely.
 */
final class RevocationCheck {

    private RevocationCheck() {}

    /** The credential's revocation entry checked against the issuer's signed list, when one is given. */
    static Check check(Map<String, Object> vc, String issuer, Optional<DidDocument> did, Optional<String> statusList) {
        Object raw = vc.get("credentialStatus");
        if (raw == null) {
            // The signature covers credentialStatus, so its absence is the issuer's choice, not a forger's.
            return Check.because(
                    "revocation",
                    Outcome.PASSED,
                    "no-status",
                    "the credential names no status list: its issuer made it irrevocable");
        }
        Map<String, Object> entry;
        try {
            entry = CredentialVerifier.object(raw instanceof List<?> list && list.size() == 1 ? list.get(0) : raw);
        } catch (IllegalArgumentException e) {
            return malformed("credentialStatus must be one status entry");
        }
        if (!"BitstringStatusListEntry".equals(entry.get("type")) || !"revocation".equals(entry.get("statusPurpose"))) {
            return malformed("credentialStatus is not a BitstringStatusListEntry for revocation");
        }
        String listUrl = String.valueOf(entry.get("statusListCredential"));
        int index;
        try {
            index = Integer.parseInt(String.valueOf(entry.get("statusListIndex")));
        } catch (NumberFormatException e) {
            return malformed("statusListIndex is not a number");
        }
        if (statusList.isEmpty()) {
            return Check.because(
                    "revocation",
                    Outcome.NOT_CHECKED,
                    "status-not-given",
                    "give the status list saved from " + listUrl + " (--status-list) to check entry " + index,
                    listUrl);
        }
        String listJson = statusList.get();
        EddsaJcs2022.Verification listProof =
                EddsaJcs2022.verify(listJson, method -> CredentialVerifier.key(method, did));
        if (!listProof.valid()) {
            return Check.because(
                    "revocation",
                    Outcome.FAILED,
                    "list-not-signed",
                    "the status list is not signed by the issuer: " + listProof.problems(),
                    String.valueOf(listProof.problems()));
        }
        try {
            Map<String, Object> list = CredentialVerifier.object(Json.parse(listJson));
            if (CredentialVerifier.issuerBinding(CredentialVerifier.proofMethod(list), issuer)
                                    .outcome()
                            != Outcome.PASSED
                    || !issuer.equals(CredentialVerifier.issuerId(list))) {
                return Check.because(
                        "revocation",
                        Outcome.FAILED,
                        "list-not-issuers",
                        "the status list was not issued by " + issuer,
                        issuer);
            }
            if (!listUrl.equals(list.get("id"))) {
                return Check.because(
                        "revocation",
                        Outcome.FAILED,
                        "list-other",
                        "the status list given is " + list.get("id") + ", not " + listUrl,
                        String.valueOf(list.get("id")),
                        listUrl);
            }
            Map<String, Object> subject = CredentialVerifier.object(list.get("credentialSubject"));
            BitstringStatusList bits = BitstringStatusList.decode(String.valueOf(subject.get("encodedList")));
            if (bits.isSet(index)) {
                return Check.because(
                        "revocation",
                        Outcome.FAILED,
                        "revoked",
                        "REVOKED: entry " + index + " of " + listUrl + " is set",
                        Integer.toString(index));
            }
            return Check.because(
                    "revocation",
                    Outcome.PASSED,
                    "not-revoked",
                    "not revoked: entry " + index + " is clear in the list signed on " + list.get("validFrom"),
                    String.valueOf(list.get("validFrom")));
        } catch (JsonException | IllegalArgumentException e) {
            return Check.because(
                    "revocation",
                    Outcome.FAILED,
                    "list-unreadable",
                    "the status list: " + e.getMessage(),
                    e.getMessage());
        }
    }

    private static Check malformed(String detail) {
        return Check.because("revocation", Outcome.FAILED, "status-malformed", detail, detail);
    }
}
