package io.serviceproof.verifier.credential;

import io.serviceproof.verifier.credential.CredentialVerifier.Check;
import io.serviceproof.verifier.credential.CredentialVerifier.Outcome;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Revocation and suspension: each of the credential's {@code BitstringStatusListEntry}s (at most
 * one per purpose) looked up in the issuer's {@code BitstringStatusListCredential} for that purpose,
 * which must itself be signed by the issuer, be the list the entry names, state the same purpose,
 * be within its validity, and decode safely. A conformity-assessment body's credential has both
 * (withdrawal is final, suspension is not); a self-declaration has revocation only.
 */
final class StatusChecks {

    static final String REVOCATION = "revocation";
    static final String SUSPENSION = "suspension";

    private StatusChecks() {}

    /** One check per status entry, against the list given for its purpose (when one is given). */
    static List<Check> checks(
            Map<String, Object> vc,
            String issuer,
            Optional<DidDocument> did,
            Optional<String> revocationList,
            Optional<String> suspensionList,
            java.time.Instant at) {
        Object raw = vc.get("credentialStatus");
        if (raw == null) {
            // The signature covers credentialStatus, so its absence is the issuer's choice, not a forger's.
            return List.of(Check.because(
                    REVOCATION,
                    Outcome.PASSED,
                    "no-status",
                    "the credential names no status list: its issuer made it irrevocable"));
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        try {
            for (Object item : raw instanceof List<?> list ? list : List.of(raw)) {
                entries.add(CredentialVerifier.object(item));
            }
        } catch (IllegalArgumentException e) {
            return List.of(malformed(REVOCATION, "credentialStatus must be status entries"));
        }
        if (entries.isEmpty() || entries.size() > 2) {
            return List.of(malformed(REVOCATION, "credentialStatus must be one or two status entries"));
        }
        Set<String> purposes = new HashSet<>();
        for (Map<String, Object> entry : entries) {
            Object purpose = entry.get("statusPurpose");
            if (!"BitstringStatusListEntry".equals(entry.get("type"))
                    || !(REVOCATION.equals(purpose) || SUSPENSION.equals(purpose))
                    || !purposes.add((String) purpose)) {
                return List.of(malformed(
                        REVOCATION,
                        "credentialStatus must be BitstringStatusListEntries for revocation and suspension, one each"));
            }
        }
        List<Check> checks = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            String purpose = (String) entry.get("statusPurpose");
            checks.add(check(
                    entry, purpose, issuer, did, REVOCATION.equals(purpose) ? revocationList : suspensionList, at));
        }
        return checks;
    }

    private static Check check(
            Map<String, Object> entry,
            String purpose,
            String issuer,
            Optional<DidDocument> did,
            Optional<String> statusList,
            java.time.Instant at) {
        boolean revocation = REVOCATION.equals(purpose);
        String listUrl = String.valueOf(entry.get("statusListCredential"));
        int index;
        try {
            index = Integer.parseInt(String.valueOf(entry.get("statusListIndex")));
        } catch (NumberFormatException e) {
            return malformed(purpose, "statusListIndex is not a number");
        }
        if (statusList.isEmpty()) {
            return Check.because(
                    purpose,
                    Outcome.NOT_CHECKED,
                    revocation ? "status-not-given" : "suspension-not-given",
                    "give the status list saved from " + listUrl + " ("
                            + (revocation ? "--status-list" : "--suspension-list") + ") to check entry " + index,
                    listUrl);
        }
        String listJson = statusList.get();
        EddsaJcs2022.Verification listProof =
                EddsaJcs2022.verify(listJson, method -> CredentialVerifier.key(method, did));
        if (!listProof.valid()) {
            return Check.because(
                    purpose,
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
                        purpose,
                        Outcome.FAILED,
                        "list-not-issuers",
                        "the status list was not issued by " + issuer,
                        issuer);
            }
            if (!listUrl.equals(list.get("id"))) {
                return Check.because(
                        purpose,
                        Outcome.FAILED,
                        "list-other",
                        "the status list given is " + list.get("id") + ", not " + listUrl,
                        String.valueOf(list.get("id")),
                        listUrl);
            }
            Optional<Check> stale = freshness(purpose, list, at);
            if (stale.isPresent()) {
                return stale.get();
            }
            Map<String, Object> subject = CredentialVerifier.object(list.get("credentialSubject"));
            // A list for another purpose answers another question: a clear bit there says nothing here.
            if (!purpose.equals(subject.get("statusPurpose"))) {
                return Check.because(
                        purpose,
                        Outcome.FAILED,
                        "list-purpose",
                        "the status list is for " + subject.get("statusPurpose") + ", not " + purpose,
                        String.valueOf(subject.get("statusPurpose")),
                        purpose);
            }
            BitstringStatusList bits = BitstringStatusList.decode(String.valueOf(subject.get("encodedList")));
            if (bits.isSet(index)) {
                return revocation
                        ? Check.because(
                                purpose,
                                Outcome.FAILED,
                                "revoked",
                                "REVOKED: entry " + index + " of " + listUrl + " is set",
                                Integer.toString(index))
                        : Check.because(
                                purpose,
                                Outcome.FAILED,
                                "suspended",
                                "SUSPENDED: entry " + index + " of " + listUrl + " is set",
                                Integer.toString(index));
            }
            return Check.because(
                    purpose,
                    Outcome.PASSED,
                    revocation ? "not-revoked" : "not-suspended",
                    "not " + (revocation ? "revoked" : "suspended") + ": entry " + index
                            + " is clear in the list signed on " + list.get("validFrom") + age(list, at),
                    String.valueOf(list.get("validFrom")));
        } catch (JsonException | IllegalArgumentException e) {
            return Check.because(
                    purpose, Outcome.FAILED, "list-unreadable", "the status list: " + e.getMessage(), e.getMessage());
        }
    }

    private static Check malformed(String purpose, String detail) {
        return Check.because(purpose, Outcome.FAILED, "status-malformed", detail, detail);
    }

    /**
     * A list answers "not revoked" only for its validity period: past {@code validUntil} a revocation
     * since then would not show, so the list is refused and the current one must be fetched.
     */
    private static Optional<Check> freshness(String purpose, Map<String, Object> list, java.time.Instant at) {
        try {
            if (list.get("validUntil") instanceof String until && !at.isBefore(java.time.Instant.parse(until))) {
                return Optional.of(Check.because(
                        purpose,
                        Outcome.FAILED,
                        "list-lapsed",
                        "the status list lapsed on " + until + ": fetch the issuer's current one",
                        until));
            }
            if (list.get("validFrom") instanceof String from && at.isBefore(java.time.Instant.parse(from))) {
                return Optional.of(Check.because(
                        purpose,
                        Outcome.FAILED,
                        "list-not-yet-valid",
                        "the status list is valid only from " + from,
                        from));
            }
            return Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.of(Check.because(
                    purpose, Outcome.FAILED, "list-unreadable", "the status list's validity is not a date", ""));
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
