package io.serviceproof.verifier.credential;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.CheckpointVerifier;
import io.serviceproof.verifier.checkpoint.TlogProof;
import io.serviceproof.verifier.credential.CredentialVerifier.Check;
import io.serviceproof.verifier.credential.CredentialVerifier.Outcome;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The log facts a credential rests on. Each evidence item names a log index, a subject digest and a
 * C2SP tlog-proof; a proof alone says nothing (its hashes could be anything under a genuine
 * checkpoint), so a fact counts as proven only with the log entry itself: its leaf hash is
 * recomputed, its inclusion at that index checked against the checkpoint the log's key signed, and
 * the entry must name the digest the credential states. Without the entry the check is not made.
 * Separately, every digest the credential attests (the signed-off assessment, each service-layer
 * version, each evidence file) must be one of those facts: a claim with no log fact behind it fails.
 */
final class LogFacts {

    private LogFacts() {}

    static List<Check> check(Map<String, Object> vc, Optional<VerifierKey> logKey, Map<Long, byte[]> entries) {
        List<Check> checks = new ArrayList<>();
        if (!(vc.get("evidence") instanceof List<?> evidence)) {
            return checks;
        }
        for (Object item : evidence) {
            if (item instanceof Map<?, ?> e && e.get("sp:tlogProof") instanceof String proofText) {
                checks.add(fact(e, proofText, logKey, entries));
            }
        }
        claimsLogged(vc, evidence).ifPresent(checks::add);
        return checks;
    }

    private static Check fact(Map<?, ?> e, String proofText, Optional<VerifierKey> logKey, Map<Long, byte[]> entries) {
        String name = "log proof: " + e.get("name");
        if (logKey.isEmpty()) {
            return Check.because(
                    name, Outcome.NOT_CHECKED, "log-key-missing", "give the log's verifier key (--vkey) to check it");
        }
        try {
            TlogProof proof = TlogProof.parse(proofText.getBytes(StandardCharsets.UTF_8));
            if (!(e.get("sp:logIndex") instanceof Number stated) || stated.longValue() != proof.index()) {
                return Check.because(
                        name,
                        Outcome.FAILED,
                        "index-mismatch",
                        "the proof is for entry " + proof.index() + ", not the entry the credential names",
                        String.valueOf(proof.index()));
            }
            byte[] entry = entries.get(proof.index());
            if (entry == null) {
                Checkpoint checkpoint = CheckpointVerifier.verify(proof.checkpointNote(), logKey.get());
                return Check.because(
                        name,
                        Outcome.NOT_CHECKED,
                        "log-entry-missing",
                        "the checkpoint of size " + checkpoint.size() + " is signed by the log's key, but entry "
                                + proof.index() + " itself is not at hand, so its inclusion is not proven"
                                + " (verify the dossier, or give the entries with --entries or --log-url)",
                        String.valueOf(proof.index()));
            }
            Checkpoint checkpoint = CheckpointVerifier.verifyProof(proof, Rfc9162.leafHash(entry), logKey.get());
            String digest = String.valueOf(e.get("sp:subjectDigest"));
            if (!names(entry, digest)) {
                return Check.because(
                        name,
                        Outcome.FAILED,
                        "entry-says-otherwise",
                        "entry " + proof.index() + " is in the log but does not name " + digest,
                        String.valueOf(proof.index()),
                        digest);
            }
            return Check.because(
                    name,
                    Outcome.PASSED,
                    "proof-verified",
                    "entry " + proof.index() + " of " + checkpoint.origin() + " names " + digest
                            + " and is in the checkpoint of size " + checkpoint.size() + " signed by the log's key",
                    String.valueOf(proof.index()),
                    checkpoint.origin(),
                    String.valueOf(checkpoint.size()));
        } catch (Exception ex) {
            return Check.because(
                    name, Outcome.FAILED, "proof-invalid", ex.getMessage(), String.valueOf(ex.getMessage()));
        }
    }

    /** Whether a log entry names the digest ({@code sha256:<hex>}) among its subject digests. */
    static boolean names(byte[] entry, String digest) {
        if (!digest.startsWith("sha256:")) {
            return false;
        }
        try {
            Object parsed = Json.parse(new String(entry, StandardCharsets.UTF_8));
            if (parsed instanceof Map<?, ?> map && map.get("subjectDigests") instanceof List<?> subjects) {
                String hex = digest.substring("sha256:".length());
                return subjects.stream().anyMatch(s -> s instanceof Map<?, ?> m && hex.equals(m.get("sha256")));
            }
            return false;
        } catch (Exception notJson) {
            return false;
        }
    }

    /** Each attested digest must be the subject of one of the credential's log facts. */
    private static Optional<Check> claimsLogged(Map<String, Object> vc, List<?> evidence) {
        Set<String> claimed = claimedDigests(vc);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Set<String> logged = new LinkedHashSet<>();
        for (Object item : evidence) {
            if (item instanceof Map<?, ?> e && e.get("sp:tlogProof") != null) {
                logged.add(String.valueOf(e.get("sp:subjectDigest")));
            }
        }
        List<String> missing = claimed.stream().filter(d -> !logged.contains(d)).toList();
        return Optional.of(
                missing.isEmpty()
                        ? Check.because(
                                "log facts",
                                Outcome.PASSED,
                                "claims-logged",
                                "each of the " + claimed.size() + " attested digests has a log fact",
                                String.valueOf(claimed.size()))
                        : Check.because(
                                "log facts",
                                Outcome.FAILED,
                                "claim-not-logged",
                                "attested without a log fact: " + String.join(", ", missing),
                                String.join(", ", missing)));
    }

    /** The digests the credential attests: the signed-off assessment, each evidence file, each layer version. */
    private static Set<String> claimedDigests(Map<String, Object> vc) {
        Set<String> claimed = new LinkedHashSet<>();
        if (!(vc.get("credentialSubject") instanceof Map<?, ?> subject)
                || !(subject.get("assessment") instanceof List<?> assessments)) {
            return claimed;
        }
        for (Object a : assessments) {
            if (!(a instanceof Map<?, ?> assessment)) {
                continue;
            }
            if (assessment.get("sp:assessmentDigest") instanceof String digest) {
                claimed.add(digest);
            }
            if (assessment.get("sp:evidence") instanceof List<?> files) {
                for (Object file : files) {
                    if (file instanceof Map<?, ?> f && f.get("sp:digest") instanceof String digest) {
                        claimed.add(digest);
                    }
                }
            }
            if (assessment.get("sp:serviceLayers") instanceof List<?> layers) {
                for (Object layer : layers) {
                    if (layer instanceof Map<?, ?> l && l.get("sp:digest") instanceof String digest) {
                        claimed.add(digest);
                    }
                }
            }
        }
        return claimed;
    }
}
