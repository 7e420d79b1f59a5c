package io.serviceproof.verifier.dossier;

import io.serviceproof.verifier.credential.CredentialVerifier.Check;
import io.serviceproof.verifier.credential.CredentialVerifier.Outcome;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.witness.WitnessPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.TreeSet;

/**
 * That the dossier's checkpoint was cosigned by the quorum of the witness policy the verifier
 * holds. Every proof in the dossier is tied to that checkpoint (see {@link LogConsistency}), so a
 * quorum over it covers them all: the log could not have shown this history to the dossier's
 * reader and another to its witnesses. A dossier whose issuer declares a policy
 * ({@code log/witness-policy}) is not proven witnessed until the verifier gives one.
 */
final class Witnessed {

    private Witnessed() {}

    private static boolean hasCosignatures(byte[] head) {
        try {
            return SignedNote.parse(head).signatures().size() > 1;
        } catch (Exception malformed) {
            return true; // let the verification below say what is wrong
        }
    }

    /** The check, when there is something to check or a policy the verifier could have given. */
    static Optional<Check> check(
            java.util.Map<String, byte[]> files, Optional<WitnessPolicy> policy, boolean trustArchive) {
        String name = "log witnesses";
        byte[] head = files.get(DossierFormat.CHECKPOINT);
        byte[] declared = files.get(DossierFormat.WITNESS_POLICY);
        if (head == null || (policy.isEmpty() && declared == null)) {
            return Optional.empty();
        }
        boolean fromArchive = false;
        if (policy.isPresent() && declared == null && !hasCosignatures(head)) {
            // Built before the issuer's log had witnesses: the quorum is not proven, which is not the
            // same as disproven; never VALID, but not called forged either.
            return Optional.of(Check.because(
                    name,
                    Outcome.NOT_CHECKED,
                    "witness-cosignatures-absent",
                    "the dossier's checkpoint carries no cosignatures and the dossier names no witness policy (built"
                            + " before the issuer's log was witnessed?); its quorum "
                            + policy.get().describeQuorum()
                            + " is not proven",
                    policy.get().describeQuorum()));
        }
        if (policy.isEmpty()) {
            if (!trustArchive) {
                return Optional.of(Check.because(
                        name,
                        Outcome.NOT_CHECKED,
                        "witness-policy-missing",
                        "the issuer's log is witnessed (" + DossierFormat.WITNESS_POLICY
                                + "); give the witness policy you trust (--policy) to check the cosignatures"));
            }
            try {
                policy = Optional.of(WitnessPolicy.parse(new String(declared, StandardCharsets.UTF_8)));
                fromArchive = true;
            } catch (IllegalArgumentException e) {
                return Optional.of(Check.because(
                        name, Outcome.FAILED, "witness-policy-unreadable", e.getMessage(), e.getMessage()));
            }
        }
        try {
            WitnessPolicy.Verified verified = policy.get().verify(SignedNote.parse(head));
            String witnesses =
                    String.join(", ", new TreeSet<>(verified.cosignedAt().keySet()));
            Check passed = Check.because(
                    name,
                    Outcome.PASSED,
                    "witness-quorum",
                    "the dossier's checkpoint (size " + verified.checkpoint().size() + ") is cosigned by " + witnesses
                            + ", meeting the quorum " + policy.get().describeQuorum(),
                    witnesses,
                    policy.get().describeQuorum());
            return Optional.of(fromArchive ? DossierVerifier.archiveTrusted(passed) : passed);
        } catch (Exception e) {
            return Optional.of(Check.because(
                    name, Outcome.FAILED, "witness-quorum-missing", e.getMessage(), String.valueOf(e.getMessage())));
        }
    }
}
