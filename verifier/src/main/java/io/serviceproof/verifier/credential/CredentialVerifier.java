package io.serviceproof.verifier.credential;

import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import io.serviceproof.verifier.note.VerifierKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a conformity credential offline: its shape (W3C VC 2.0), its eddsa-jcs-2022 proof by a key
 * of its issuer (from the issuer's DID document, or from a {@code did:key}), its validity period,
 * its revocation bit in the issuer's signed Bitstring Status List, and the signed checkpoints of
 * the log proofs in its evidence. Nothing is fetched: what a check needs and was not given is
 * reported as not checked, never as passed.
 */
public final class CredentialVerifier {

    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    /** Refused beyond this size: a credential is a few hundred kilobytes at most. */
    public static final int MAXIMUM_BYTES = 8 * 1024 * 1024;

    /**
     * What the verifier was given besides the credential. {@code entries} are log entries by index
     * (their exact canonical bytes), which turn the credential's log proofs into proven facts.
     */
    public record Inputs(
            Optional<String> didDocument,
            Optional<String> statusList,
            Optional<VerifierKey> logKey,
            Instant at,
            Map<Long, byte[]> entries,
            Optional<String> suspensionList) {

        /** Inputs without a suspension list (self-declared credentials have none). */
        public Inputs(
                Optional<String> didDocument,
                Optional<String> statusList,
                Optional<VerifierKey> logKey,
                Instant at,
                Map<Long, byte[]> entries) {
            this(didDocument, statusList, logKey, at, entries, Optional.empty());
        }

        public Inputs(
                Optional<String> didDocument, Optional<String> statusList, Optional<VerifierKey> logKey, Instant at) {
            this(didDocument, statusList, logKey, at, Map.of());
        }

        public Inputs {
            entries = Map.copyOf(entries);
        }
    }

    public enum Outcome {
        PASSED,
        FAILED,
        NOT_CHECKED
    }

    /**
     * One check, in words. {@code reason} names the finding for readers in other languages (a
     * message a page can translate, with {@code args}); null where the detail is all there is.
     */
    public record Check(String name, Outcome outcome, String detail, String reason, List<String> args) {

        public Check(String name, Outcome outcome, String detail) {
            this(name, outcome, detail, null, List.of());
        }

        public static Check because(String name, Outcome outcome, String reason, String detail, String... args) {
            return new Check(name, outcome, detail, reason, List.of(args));
        }

        /** The same check under a wider name (a dossier's "credential signature"). */
        public Check named(String wider) {
            return new Check(wider, outcome, detail, reason, args);
        }
    }

    /**
     * Every check made. Nothing failed: {@link #valid()}. Nothing failed and every check was made:
     * {@link #complete()} — only then may a verifier tell its user the credential is proven.
     */
    public record Report(List<Check> checks, Optional<Claim> claim) {

        public Report(List<Check> checks) {
            this(checks, Optional.empty());
        }

        /** The same checks, with what the credential attests. */
        public Report withClaim(Optional<Claim> attested) {
            return new Report(checks, attested);
        }

        public boolean valid() {
            return checks.stream().noneMatch(c -> c.outcome() == Outcome.FAILED);
        }

        public boolean complete() {
            return valid() && notChecked().isEmpty();
        }

        public List<Check> notChecked() {
            return checks.stream()
                    .filter(c -> c.outcome() == Outcome.NOT_CHECKED)
                    .toList();
        }

        public List<Check> failures() {
            return checks.stream().filter(c -> c.outcome() == Outcome.FAILED).toList();
        }
    }

    private CredentialVerifier() {}

    public static Report verify(byte[] credential, Inputs inputs) {
        return checks(credential, inputs).withClaim(Claim.of(credential));
    }

    private static Report checks(byte[] credential, Inputs inputs) {
        List<Check> checks = new ArrayList<>();
        if (credential.length > MAXIMUM_BYTES) {
            checks.add(Check.because(
                    "format",
                    Outcome.FAILED,
                    "too-large",
                    "larger than " + MAXIMUM_BYTES + " bytes",
                    String.valueOf(MAXIMUM_BYTES)));
            return new Report(checks);
        }
        String json = new String(credential, StandardCharsets.UTF_8);
        Map<String, Object> vc;
        try {
            vc = object(Json.parse(json));
        } catch (JsonException | IllegalArgumentException e) {
            checks.add(Check.because("format", Outcome.FAILED, "not-json", "not a JSON object: " + e.getMessage()));
            return new Report(checks);
        }
        List<String> shape = shape(vc);
        checks.add(
                shape.isEmpty()
                        ? Check.because("format", Outcome.PASSED, "vc-2", "a W3C Verifiable Credential 2.0")
                        : Check.because(
                                "format",
                                Outcome.FAILED,
                                "not-vc-2",
                                String.join("; ", shape),
                                String.join("; ", shape)));
        String issuer = issuerId(vc);

        Optional<DidDocument> did = Optional.empty();
        if (inputs.didDocument().isPresent()) {
            try {
                did = Optional.of(DidDocument.parse(inputs.didDocument().get()));
            } catch (IllegalArgumentException e) {
                checks.add(Check.because(
                        "issuer key",
                        Outcome.FAILED,
                        "did-document-unreadable",
                        "the DID document: " + e.getMessage(),
                        e.getMessage()));
                return new Report(checks);
            }
        }
        Optional<DidDocument> resolved = did;
        String method = proofMethod(vc);
        if (did.isEmpty() && method.startsWith("did:web:")) {
            // Offline, a did:web key cannot be resolved: the signature is neither proven nor disproven.
            checks.add(Check.because(
                    "signature",
                    Outcome.NOT_CHECKED,
                    "issuer-key-not-given",
                    "the issuer's DID document was not given, so its key is unknown here",
                    method));
            checks.add(validity(vc, inputs.at()));
            checks.addAll(StatusChecks.checks(
                    vc, issuer, resolved, inputs.statusList(), inputs.suspensionList(), inputs.at()));
            checks.addAll(LogFacts.check(vc, inputs.logKey(), inputs.entries()));
            return new Report(checks);
        }
        EddsaJcs2022.Verification proof = EddsaJcs2022.verify(json, m -> key(m, resolved));
        checks.add(
                proof.valid()
                        ? Check.because(
                                "signature",
                                Outcome.PASSED,
                                "signed",
                                "eddsa-jcs-2022 proof by " + proofMethod(vc),
                                proofMethod(vc))
                        : Check.because(
                                "signature", Outcome.FAILED, "not-signed", String.join("; ", proof.problems())));
        checks.add(issuerBinding(proofMethod(vc), issuer));

        checks.add(validity(vc, inputs.at()));
        checks.addAll(
                StatusChecks.checks(vc, issuer, resolved, inputs.statusList(), inputs.suspensionList(), inputs.at()));
        checks.addAll(LogFacts.check(vc, inputs.logKey(), inputs.entries()));
        return new Report(checks);
    }

    private static List<String> shape(Map<String, Object> vc) {
        List<String> problems = new ArrayList<>();
        if (!(vc.get("@context") instanceof List<?> context)
                || context.isEmpty()
                || !VC_CONTEXT.equals(context.get(0))) {
            problems.add("@context must start with " + VC_CONTEXT);
        }
        if (!(vc.get("type") instanceof List<?> types) || !types.contains("VerifiableCredential")) {
            problems.add("type must include VerifiableCredential");
        }
        if (issuerId(vc) == null) {
            problems.add("issuer (or issuer.id) is missing");
        }
        if (!(vc.get("credentialSubject") instanceof Map<?, ?>) && !(vc.get("credentialSubject") instanceof List<?>)) {
            problems.add("credentialSubject is missing");
        }
        return problems;
    }

    /** Only a key of the issuer's own DID speaks for the issuer. */
    static Check issuerBinding(String method, String issuer) {
        String controller = method.contains("#") ? method.substring(0, method.indexOf('#')) : method;
        if (issuer != null && controller.equals(issuer)) {
            return Check.because(
                    "issuer", Outcome.PASSED, "issuer-key", "the signing key belongs to the issuer " + issuer, issuer);
        }
        return Check.because(
                "issuer",
                Outcome.FAILED,
                "not-issuer-key",
                "signed with a key of " + controller + ", which is not the issuer " + issuer,
                controller,
                String.valueOf(issuer));
    }

    /** The raw public key a verification method names: a did:key carries it, a did:web needs its document. */
    static byte[] key(String method, Optional<DidDocument> did) {
        String controller = method.contains("#") ? method.substring(0, method.indexOf('#')) : method;
        if (controller.startsWith("did:key:")) {
            return Multikey.fromDidKey(method);
        }
        DidDocument document = did.orElseThrow(() -> new IllegalArgumentException(
                "resolving " + controller + " needs its DID document offline (--did-document)"));
        return document.assertionKey(method);
    }

    private static Check validity(Map<String, Object> vc, Instant at) {
        try {
            Instant from = vc.get("validFrom") instanceof String s ? Instant.parse(s) : null;
            Instant until = vc.get("validUntil") instanceof String s ? Instant.parse(s) : null;
            if (from != null && at.isBefore(from)) {
                return Check.because(
                        "validity", Outcome.FAILED, "not-yet-valid", "not valid before " + from, from.toString());
            }
            if (until != null && !at.isBefore(until)) {
                return Check.because("validity", Outcome.FAILED, "expired", "expired on " + until, until.toString());
            }
            return Check.because(
                    "validity",
                    Outcome.PASSED,
                    "valid",
                    "valid on " + at + (until == null ? "" : " (until " + until + ")"),
                    at.toString());
        } catch (DateTimeParseException e) {
            return Check.because(
                    "validity", Outcome.FAILED, "not-a-date", "validFrom/validUntil is not an RFC 3339 date-time");
        }
    }

    static String issuerId(Map<String, Object> vc) {
        Object issuer = vc.get("issuer");
        if (issuer instanceof String s) {
            return s;
        }
        return issuer instanceof Map<?, ?> m && m.get("id") instanceof String s ? s : null;
    }

    static String proofMethod(Map<String, Object> vc) {
        return vc.get("proof") instanceof Map<?, ?> p ? String.valueOf(p.get("verificationMethod")) : "?";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("expected a JSON object");
    }
}
