package io.serviceproof.verifier.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.credential.CredentialVerifier.Check;
import io.serviceproof.verifier.credential.CredentialVerifier.Outcome;
import io.serviceproof.verifier.note.NoteSignature;
import io.serviceproof.verifier.note.NoteSigner;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.note.SignerKey;
import io.serviceproof.verifier.witness.CosignerSigner;
import io.serviceproof.verifier.witness.WitnessPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A dossier's checkpoint against the witness policy the verifier holds, never the archive's unless told. */
class WitnessedTests {

    private static final SignerKey LOG = SignerKey.fromSeed("example.com/log", filled(1));
    private static final CosignerSigner CB = CosignerSigner.fromSeed("cb.example/w", filled(2));
    private static final String POLICY =
            "log " + LOG.verifierKey() + "\nwitness cb " + CB.publicKey() + " https://cb.example\nquorum cb\n";

    @Test
    void aCosignedCheckpointMeetsTheVerifiersPolicy() throws Exception {
        Check check = Witnessed.check(dossier(true), Optional.of(WitnessPolicy.parse(POLICY)), false)
                .orElseThrow();
        assertThat(check.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(check.detail()).contains("cosigned by cb");
    }

    @Test
    void anUncosignedCheckpointFailsAndADeclaredPolicyIsNotTrustedUnlessTheVerifierSaysSo() throws Exception {
        assertThat(Witnessed.check(dossier(false), Optional.of(WitnessPolicy.parse(POLICY)), false)
                        .orElseThrow()
                        .outcome())
                .isEqualTo(Outcome.FAILED);
        assertThat(Witnessed.check(dossier(true), Optional.empty(), false)
                        .orElseThrow()
                        .outcome())
                .isEqualTo(Outcome.NOT_CHECKED);
        Check fromArchive =
                Witnessed.check(dossier(true), Optional.empty(), true).orElseThrow();
        assertThat(fromArchive.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(fromArchive.detail()).contains("archive");
    }

    @Test
    void aDossierOfAnUnwitnessedLogHasNothingToSayUnlessAPolicyIsGiven() throws Exception {
        Map<String, byte[]> files = dossier(false);
        files.remove(DossierFormat.WITNESS_POLICY);
        assertThat(Witnessed.check(files, Optional.empty(), false)).isEmpty();
        assertThat(Witnessed.check(files, Optional.of(WitnessPolicy.parse(POLICY)), false)
                        .orElseThrow()
                        .outcome())
                .as("built before the log was witnessed: not proven, never VALID")
                .isEqualTo(Outcome.NOT_CHECKED);
    }

    private static Map<String, byte[]> dossier(boolean cosigned) throws Exception {
        String text = new Checkpoint(LOG.name(), 12, new byte[32]).text();
        List<NoteSignature> signatures =
                new ArrayList<>(NoteSigner.sign(text, LOG).signatures());
        if (cosigned) {
            signatures.add(CB.cosign(text, 1_765_000_000L));
        }
        Map<String, byte[]> files = new HashMap<>();
        files.put(
                DossierFormat.CHECKPOINT,
                new SignedNote(text, signatures).format().getBytes(StandardCharsets.UTF_8));
        files.put(DossierFormat.WITNESS_POLICY, POLICY.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static byte[] filled(int b) {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) b);
        return seed;
    }
}
