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
    static Check check(
            Map<String, Object> vc,
            String issuer,
            Optional<DidDocument> did,
            Optional<String> statusList,
            java.time.Instant at) {
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
            Optional<Check> stale = freshness(list, at);
            if (stale.isPresent()) {
                return stale.get();
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
                    "not revoked: entry " + index + " is clear in the list signed on " + list.get("validFrom")
                            + age(list, at),
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

    /**
     * A list answers "not revoked" only for its validity period: past {@code validUntil} a revocation
     * since then would not show, so the list is refused and the current one must be fetched.
     */
    private static Optional<Check> freshness(Map<String, Object> list, java.time.Instant at) {
        try {
            if (list.get("validUntil") instanceof String until && !at.isBefore(java.time.Instant.parse(until))) {
                return Optional.of(Check.because(
                        "revocation",
                        Outcome.FAILED,
                        "list-lapsed",
                        "the status list lapsed on " + until + ": fetch the issuer's current one",
                        until));
            }
            if (list.get("validFrom") instanceof String from && at.isBefore(java.time.Instant.parse(from))) {
                return Optional.of(Check.because(
                        "revocation",
                        Outcome.FAILED,
                        "list-not-yet-valid",
                        "the status list is valid only from " + from,
                        from));
            }
            return Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.of(Check.because(
                    "revocation", Outcome.FAILED, "list-unreadable", "the status list's validity is not a date", ""));
        }
    }

    /** How old the list was at the check, and until when it is valid, for the report. */
    private static String age(Map<String, Object> list, java.time.Instant at) {
        if (!(list.get("validFrom") instanceof String from)) {
            return "";
        }
        long hours =
                java.time.Duration.between(java.time.Instant.parse(from), at).toHours();
        return " (" + hours + " h before this check"
                + (list.get("validUntil") instanceof String until ? ", valid until " + until : ", with no end")
                + ")";
    }
}
