package io.serviceproof.verifier.dossier;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.CheckpointVerifier;
import io.serviceproof.verifier.checkpoint.TlogProof;
import io.serviceproof.verifier.credential.CredentialVerifier.Check;
import io.serviceproof.verifier.credential.CredentialVerifier.Outcome;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * That the credential in a dossier was recorded in the issuer's log when it was issued: the manifest
 * (signed) names the issuance entry's index; the entry must be a {@code credential.issued} entry
 * naming the SHA-256 of {@code credential.json}, and its tlog-proof must put it in a checkpoint the
 * log's key signed. A credential the issuer never logged, or swapped in from another dossier, fails.
 */
final class Issuance {

    private Issuance() {}

    static Check check(byte[] manifest, byte[] credential, Map<String, byte[]> files, Optional<VerifierKey> logKey) {
        String name = "issuance";
        Map<?, ?> parsed;
        try {
            parsed = (Map<?, ?>) Json.parse(new String(manifest, StandardCharsets.UTF_8));
        } catch (Exception e) {
            return Check.because(name, Outcome.FAILED, "manifest-not-json", "manifest.json is not JSON");
        }
        if (DossierFormat.FORMAT_V1.equals(parsed.get("format"))) {
            return Check.because(
                    name,
                    Outcome.NOT_CHECKED,
                    "format-v1",
                    "a " + DossierFormat.FORMAT_V1 + " dossier carries no log entries: the credential's"
                            + " issuance and its log facts are not proven");
        }
        if (!(parsed.get("issuanceLogIndex") instanceof Number number)) {
            return Check.because(name, Outcome.FAILED, "issuance-missing", "the manifest names no issuance entry");
        }
        long index = number.longValue();
        byte[] entry = files.get(DossierFormat.entryPath(index));
        byte[] proof = files.get(DossierFormat.proofPath(index));
        if (entry == null || proof == null) {
            return Check.because(
                    name,
                    Outcome.FAILED,
                    "issuance-missing",
                    "the issuance entry " + index + " or its proof is missing",
                    String.valueOf(index));
        }
        String digest = "sha256:" + HexFormat.of().formatHex(DossierVerifier.sha256(credential));
        if (!isIssuance(entry, digest)) {
            return Check.because(
                    name,
                    Outcome.FAILED,
                    "issuance-other",
                    "entry " + index + " does not record the issuance of this credential",
                    String.valueOf(index));
        }
        if (logKey.isEmpty()) {
            return Check.because(
                    name, Outcome.NOT_CHECKED, "log-key-missing", "give the log's verifier key (--vkey) to check it");
        }
        try {
            TlogProof parsedProof = TlogProof.parse(proof);
            if (parsedProof.index() != index) {
                return Check.because(
                        name,
                        Outcome.FAILED,
                        "index-mismatch",
                        "the proof is for entry " + parsedProof.index(),
                        String.valueOf(parsedProof.index()));
            }
            Checkpoint checkpoint = CheckpointVerifier.verifyProof(parsedProof, Rfc9162.leafHash(entry), logKey.get());
            return Check.because(
                    name,
                    Outcome.PASSED,
                    "issuance-logged",
                    "issued as entry " + index + " of " + checkpoint.origin() + ", in the checkpoint of size "
                            + checkpoint.size(),
                    String.valueOf(index),
                    checkpoint.origin(),
                    String.valueOf(checkpoint.size()));
        } catch (Exception e) {
            return Check.because(name, Outcome.FAILED, "proof-invalid", e.getMessage(), String.valueOf(e.getMessage()));
        }
    }

    private static boolean isIssuance(byte[] entry, String digest) {
        try {
            Object parsed = Json.parse(new String(entry, StandardCharsets.UTF_8));
            if (!(parsed instanceof Map<?, ?> map) || !"credential.issued".equals(map.get("type"))) {
                return false;
            }
            String hex = digest.substring("sha256:".length());
            return map.get("subjectDigests") instanceof List<?> subjects
                    && subjects.stream().anyMatch(s -> s instanceof Map<?, ?> m && hex.equals(m.get("sha256")));
        } catch (Exception e) {
            return false;
        }
    }
}
