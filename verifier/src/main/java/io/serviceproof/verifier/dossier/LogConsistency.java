package io.serviceproof.verifier.dossier;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.CheckpointVerifier;
import io.serviceproof.verifier.checkpoint.TlogProof;
import io.serviceproof.verifier.credential.CredentialVerifier.Check;
import io.serviceproof.verifier.credential.CredentialVerifier.Outcome;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tlog.ConsistencyProofs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * That every proof in a dossier comes from one history of the log: each proof's checkpoint must be
 * the dossier's checkpoint ({@code log/checkpoint}) or an earlier state of the same tree, shown by a
 * consistency proof ({@code log/consistency/<size>.proof}). A log operator who showed different
 * histories (a fork) cannot bundle facts from both into one dossier unseen.
 */
final class LogConsistency {

    private LogConsistency() {}

    static Optional<Check> check(Map<String, byte[]> files, Optional<VerifierKey> logKey) {
        String name = "log consistency";
        byte[] head = files.get(DossierFormat.CHECKPOINT);
        List<byte[]> proofs = files.entrySet().stream()
                .filter(f -> f.getKey().startsWith(DossierFormat.PROOFS))
                .map(Map.Entry::getValue)
                .toList();
        if (head == null || proofs.isEmpty()) {
            return Optional.empty();
        }
        if (logKey.isEmpty()) {
            return Optional.of(Check.because(
                    name, Outcome.NOT_CHECKED, "log-key-missing", "give the log's verifier key (--vkey) to check it"));
        }
        try {
            Checkpoint dossier = CheckpointVerifier.verify(head, logKey.get());
            List<String> problems = new ArrayList<>();
            for (byte[] bytes : proofs) {
                Checkpoint earlier =
                        CheckpointVerifier.verify(TlogProof.parse(bytes).checkpointNote(), logKey.get());
                problems.addAll(consistent(earlier, dossier, files));
            }
            if (!problems.isEmpty()) {
                return Optional.of(Check.because(
                        name, Outcome.FAILED, "log-forked", String.join("; ", problems), String.join("; ", problems)));
            }
            return Optional.of(Check.because(
                    name,
                    Outcome.PASSED,
                    "log-consistent",
                    "all " + proofs.size() + " proofs are from one history of the log, up to the dossier's checkpoint"
                            + " of size " + dossier.size(),
                    String.valueOf(proofs.size()),
                    String.valueOf(dossier.size())));
        } catch (Exception e) {
            return Optional.of(Check.because(
                    name, Outcome.FAILED, "proof-invalid", e.getMessage(), String.valueOf(e.getMessage())));
        }
    }

    private static List<String> consistent(Checkpoint earlier, Checkpoint dossier, Map<String, byte[]> files) {
        if (earlier.size() > dossier.size()) {
            return List.of("a proof's checkpoint (size " + earlier.size() + ") is newer than the dossier's");
        }
        if (earlier.size() == dossier.size()) {
            return Arrays.equals(earlier.rootHash(), dossier.rootHash())
                    ? List.of()
                    : List.of("two checkpoints of size " + earlier.size() + " with different roots: the log forked");
        }
        byte[] proof = files.get(DossierFormat.consistencyPath(earlier.size()));
        if (proof == null) {
            return List.of("no consistency proof from size " + earlier.size() + " to " + dossier.size());
        }
        try {
            List<byte[]> hashes = new ArrayList<>();
            for (String line : new String(proof, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    hashes.add(Base64.getDecoder().decode(line));
                }
            }
            ConsistencyProofs.verify(earlier.size(), dossier.size(), hashes, earlier.rootHash(), dossier.rootHash());
            return List.of();
        } catch (Exception e) {
            return List.of("size " + earlier.size() + " is not consistent with size " + dossier.size() + ": "
                    + e.getMessage());
        }
    }
}
