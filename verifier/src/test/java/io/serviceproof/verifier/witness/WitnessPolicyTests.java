package io.serviceproof.verifier.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.note.NoteSignature;
import io.serviceproof.verifier.note.NoteSigner;
import io.serviceproof.verifier.note.NoteVerificationException;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.note.SignerKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy file: what it accepts, every mistake it refuses by line, and quorums of nested groups. */
class WitnessPolicyTests {

    private static final SignerKey LOG = SignerKey.fromSeed("example.com/log", filled(1));
    private static final CosignerSigner W1 = CosignerSigner.fromSeed("w.example/1", filled(2));
    private static final CosignerSigner W2 = CosignerSigner.fromSeed("w.example/2", filled(3));
    private static final CosignerSigner W3 = CosignerSigner.fromSeed("w.example/3", filled(4));

    private static final String POLICY = "# a certification body and two buyers\n"
            + "log " + LOG.verifierKey() + "\n"
            + "witness cb " + W1.publicKey() + " https://cb.example/witness\n"
            + "witness buyer1 " + W2.publicKey() + "\n"
            + "witness buyer2 " + W3.publicKey() + "  # trailing comment\n"
            + "group buyers any buyer1 buyer2\n"
            + "group quorum all cb buyers\n"
            + "quorum quorum\n";

    @Test
    void nestedGroupsNeedEveryRequiredMember() {
        WitnessPolicy policy = WitnessPolicy.parse(POLICY);
        assertThat(policy.satisfiedBy(Set.of("cb", "buyer2"))).isTrue();
        assertThat(policy.satisfiedBy(Set.of("buyer1", "buyer2"))).isFalse();
        assertThat(policy.satisfiedBy(Set.of("cb"))).isFalse();
        assertThat(policy.describeQuorum()).isEqualTo("2 of [cb, 1 of [buyer1, buyer2]]");
        assertThat(policy.witnesses())
                .extracting(WitnessPolicy.Witness::label)
                .containsExactly("cb", "buyer1", "buyer2");
        assertThat(policy.digest()).startsWith("sha256:").hasSize(71);
    }

    @Test
    void aCheckpointIsBelievedOnlyWithTheQuorumAndEveryKnownCosignatureValid() throws Exception {
        WitnessPolicy policy = WitnessPolicy.parse(POLICY);
        String text = new Checkpoint(LOG.name(), 5, new byte[32]).text();
        List<NoteSignature> signatures =
                new ArrayList<>(NoteSigner.sign(text, LOG).signatures());
        signatures.add(W1.cosign(text, 1_700_000_000L));
        assertThatThrownBy(() -> policy.verify(new SignedNote(text, signatures)))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("cosigned by [cb]");

        signatures.add(W3.cosign(text, 1_700_000_100L));
        WitnessPolicy.Verified verified = policy.verify(new SignedNote(text, signatures));
        assertThat(verified.cosignedAt()).containsOnlyKeys("cb", "buyer2");
        assertThat(verified.newestCosignature()).hasValue(1_700_000_100L);

        // A cosignature over another checkpoint, presented as this one's, is not ignored: it fails.
        List<NoteSignature> replayed = new ArrayList<>(signatures);
        replayed.set(1, W1.cosign(new Checkpoint(LOG.name(), 4, new byte[32]).text(), 1_700_000_000L));
        assertThatThrownBy(() -> policy.verify(new SignedNote(text, replayed)))
                .hasMessageContaining("cosignature of witness 'cb' does not verify");
    }

    @Test
    void mistakesAreRefusedWithTheirLineNumber() {
        String log = "log " + LOG.verifierKey() + "\n";
        String w1 = "witness a " + W1.publicKey() + "\n";
        assertThatThrownBy(() -> WitnessPolicy.parse(w1 + "quorum a\n")).hasMessageContaining("'log' line");
        assertThatThrownBy(() -> WitnessPolicy.parse(log + w1)).hasMessageContaining("quorum");
        assertThatThrownBy(() -> WitnessPolicy.parse(log + "quorum a\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> WitnessPolicy.parse(log + w1 + w1 + "quorum a\n"))
                .hasMessageContaining("line 3")
                .hasMessageContaining("defined twice");
        assertThatThrownBy(() -> WitnessPolicy.parse(log + w1 + "group g 2 a\nquorum g\n"))
                .hasMessageContaining("exceeds");
        assertThatThrownBy(() -> WitnessPolicy.parse(log + w1 + "group g 0 a\nquorum g\n"))
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> WitnessPolicy.parse(log + w1 + "group g any a a\nquorum g\n"))
                .hasMessageContaining("once");
        assertThatThrownBy(() -> WitnessPolicy.parse(log + w1 + "group g any h\nquorum g\n"))
                .hasMessageContaining("not defined above");
        assertThatThrownBy(() -> WitnessPolicy.parse(log + "witness a " + LOG.verifierKey() + "\nquorum a\n"))
                .hasMessageContaining("type 0x04");
        assertThatThrownBy(() ->
                        WitnessPolicy.parse(log + "witness a " + W1.publicKey() + " file:///etc/passwd\nquorum a\n"))
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> WitnessPolicy.parse(log + w1 + "quorum a\nquorum a\n"))
                .hasMessageContaining("one quorum");
        assertThatThrownBy(() -> WitnessPolicy.parse(log + w1 + "trust a\nquorum a\n"))
                .hasMessageContaining("unknown");
        assertThat(WitnessPolicy.parse(log + "quorum none\n").needsWitnesses()).isFalse();
    }

    private static byte[] filled(int b) {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) b);
        return seed;
    }
}
