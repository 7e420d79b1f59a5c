package io.serviceproof.verifier.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.TlogProof;
import io.serviceproof.verifier.credential.CredentialVerifier.Check;
import io.serviceproof.verifier.credential.CredentialVerifier.Outcome;
import io.serviceproof.verifier.note.Ed25519;
import io.serviceproof.verifier.note.NoteSigner;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.note.SignerKey;
import io.serviceproof.verifier.tlog.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A dossier's proofs must come from one history of the log; a fork the operator signed is caught. */
class LogConsistencyTests {

    static final String ORIGIN = "exporter.example/acme";
    final SignerKey log = SignerKey.fromSeed(ORIGIN, Ed25519.newSeed());

    static MerkleTree tree(String... entries) {
        MerkleTree tree = new MerkleTree();
        for (String e : entries) {
            tree.appendEntry(e.getBytes(StandardCharsets.UTF_8));
        }
        return tree;
    }

    SignedNote checkpoint(MerkleTree tree, long size) throws Exception {
        return NoteSigner.sign(new Checkpoint(ORIGIN, size, tree.root(size)).text(), log);
    }

    byte[] proof(MerkleTree tree, long index, long size) throws Exception {
        return new TlogProof(null, index, tree.inclusionProof(index, size), checkpoint(tree, size)).format();
    }

    static byte[] lines(List<byte[]> hashes) {
        StringBuilder out = new StringBuilder();
        hashes.forEach(h -> out.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    Check run(Map<String, byte[]> files) {
        return LogConsistency.check(files, Optional.of(log.verifierKey())).orElseThrow();
    }

    @Test
    void proofsFromEarlierStatesOfTheSameTreeAreConsistent() throws Exception {
        MerkleTree honest = tree("a", "b", "c", "d", "e");
        Map<String, byte[]> files = new HashMap<>();
        files.put(DossierFormat.CHECKPOINT, checkpoint(honest, 5).format().getBytes(StandardCharsets.UTF_8));
        files.put(DossierFormat.proofPath(1), proof(honest, 1, 3));
        files.put(DossierFormat.proofPath(4), proof(honest, 4, 5));
        files.put(DossierFormat.consistencyPath(3), lines(honest.consistencyProof(3, 5)));
        assertThat(run(files).outcome()).isEqualTo(Outcome.PASSED);

        files.remove(DossierFormat.consistencyPath(3));
        assertThat(run(files).detail()).contains("no consistency proof from size 3");
        files.put(DossierFormat.consistencyPath(3), lines(honest.consistencyProof(2, 5)));
        assertThat(run(files).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aForkSignedByTheLogsOwnKeyIsCaught() throws Exception {
        MerkleTree shown = tree("a", "b", "c", "d", "e");
        MerkleTree forked = tree("a", "b", "c", "D", "E");
        Map<String, byte[]> files = new HashMap<>();
        files.put(DossierFormat.CHECKPOINT, checkpoint(shown, 5).format().getBytes(StandardCharsets.UTF_8));
        files.put(DossierFormat.proofPath(4), proof(forked, 4, 5));
        assertThat(run(files).detail()).contains("different roots", "forked");

        // An earlier state of the fork does not extend to the dossier's checkpoint either.
        Map<String, byte[]> earlier = new HashMap<>();
        earlier.put(DossierFormat.CHECKPOINT, checkpoint(shown, 5).format().getBytes(StandardCharsets.UTF_8));
        earlier.put(DossierFormat.proofPath(3), proof(forked, 3, 4));
        earlier.put(DossierFormat.consistencyPath(4), lines(forked.consistencyProof(4, 5)));
        assertThat(run(earlier).outcome()).isEqualTo(Outcome.FAILED);
    }
}
