package io.serviceproof.cli.witness;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.note.NoteSigner;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.note.SignerKey;
import io.serviceproof.verifier.tlog.MerkleTree;
import io.serviceproof.verifier.witness.AddCheckpointRequest;
import io.serviceproof.verifier.witness.CosignerSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The witness side of add-checkpoint, attacked: every malformed request is a 400 and changes
 * nothing; it cosigns only checkpoints consistent with what it cosigned before (per origin, across
 * restarts) and answers conflicts with the size it knows.
 */
class WitnessTests {

    private static final SignerKey LOG = SignerKey.fromSeed("example.com/log", filled(3));
    private static final SignerKey OTHER_LOG = SignerKey.fromSeed("example.com/other", filled(4));
    private static final CosignerSigner SIGNER = CosignerSigner.fromSeed("witness.example/w1", filled(5));
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path dir;

    private final MerkleTree tree = new MerkleTree();

    @Test
    void itCosignsAConsistentSequenceOfCheckpointsAndTheCosignatureVerifiesWithItsTime() throws Exception {
        Witness witness = witness();
        Witness.Response first = witness.addCheckpoint(request(0, 10));
        assertThat(first.status()).isEqualTo(200);
        SignedNote cosigned = SignedNote.parse(checkpoint(10).format() + first.body());
        assertThat(SIGNER.publicKey()
                        .verify(cosigned.text(), cosigned.signatures().get(1)))
                .hasValue(NOW.getEpochSecond());

        assertThat(witness.addCheckpoint(request(10, 25)).status()).isEqualTo(200);
        assertThat(witness.addCheckpoint(request(25, 25)).status())
                .as("the same checkpoint again is cosigned afresh (freshness)")
                .isEqualTo(200);
    }

    @Test
    void aClaimedOldSizeOtherThanTheOneItKnowsIsAConflictNamingItsSizeAcrossRestarts() throws Exception {
        assertThat(witness().addCheckpoint(request(0, 10)).status()).isEqualTo(200);
        Witness restarted = witness();
        Witness.Response conflict = restarted.addCheckpoint(request(0, 12));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).isEqualTo("text/x.tlog.size");
        assertThat(conflict.body()).isEqualTo("10\n");
        assertThat(restarted.addCheckpoint(request(10, 12)).status()).isEqualTo(200);
    }

    @Test
    void aForkIsNeverCosignedAndLeavesWhatItRemembersUnchanged() throws Exception {
        Witness witness = witness();
        assertThat(witness.addCheckpoint(request(0, 10)).status()).isEqualTo(200);

        MerkleTree fork = new MerkleTree();
        for (int i = 0; i < 10; i++) {
            fork.appendEntry(("fork-" + i).getBytes(StandardCharsets.UTF_8));
        }
        SignedNote sameSize = sign(LOG, new Checkpoint(LOG.name(), 10, fork.root()));
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(10, List.of(), sameSize).format())
                        .status())
                .isEqualTo(409);

        grow(20);
        List<byte[]> wrongProof = fork.consistencyProof(5, 10);
        SignedNote bigger = sign(LOG, new Checkpoint(LOG.name(), 20, fork.root()));
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(10, wrongProof, bigger).format())
                        .status())
                .isEqualTo(422);

        assertThat(witness.addCheckpoint(request(10, 20)).status())
                .as("the honest log continues from what the witness remembered")
                .isEqualTo(200);
    }

    @Test
    void unknownLogsAndForeignSignaturesAreRefused() throws Exception {
        Witness witness = witness();
        grow(3);
        SignedNote unknown = sign(OTHER_LOG, new Checkpoint(OTHER_LOG.name(), 3, tree.root(3)));
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), unknown).format())
                        .status())
                .isEqualTo(404);
        SignedNote impostor =
                sign(SignerKey.fromSeed(LOG.name(), filled(9)), new Checkpoint(LOG.name(), 3, tree.root(3)));
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), impostor).format())
                        .status())
                .isEqualTo(403);
        assertThat(witness.addCheckpoint(request(0, 3)).status()).isEqualTo(200);
    }

    @Test
    void malformedRequestsAreBadRequestsAndChangeNothing() throws Exception {
        Witness witness = witness();
        String note = checkpoint(4).format();
        String hash = Base64.getEncoder().encodeToString(new byte[32]);
        List<String> hostile = List.of(
                "",
                "old 0\n",
                "old 0\n" + note,
                "old 01\n\n" + note,
                "old -1\n\n" + note,
                "old 99999999999999999999\n\n" + note,
                "old  0\n\n" + note,
                "new 0\n\n" + note,
                "old 0\n" + hash + "\n\n" + note,
                "old 2\n" + "AAAA\n\n" + note,
                "old 2\n" + hash.replace("=", "") + "\n\n" + note,
                "old 2\n" + (hash + "\n").repeat(64) + "\n" + note,
                "old 5\n\n" + note,
                "old 0\n\nexample.com/log\n4\nnot-a-hash\n\n" + note.substring(note.indexOf("\u2014")),
                "old 0\n\n" + note.replace("\n\n", "\n"));
        for (String body : hostile) {
            assertThat(witness.addCheckpoint(body.getBytes(StandardCharsets.UTF_8))
                            .status())
                    .as("%s", body)
                    .isEqualTo(400);
        }
        assertThat(witness.addCheckpoint(request(0, 4)).status())
                .as("nothing was remembered from the refused requests")
                .isEqualTo(200);
    }

    private Witness witness() throws Exception {
        return new Witness(SIGNER, List.of(LOG.verifierKey()), new WitnessState(dir), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private byte[] request(long oldSize, long size) throws Exception {
        grow(size);
        List<byte[]> proof = oldSize == 0 || oldSize == size ? List.of() : tree.consistencyProof(oldSize, size);
        return new AddCheckpointRequest(oldSize, proof, checkpoint(size)).format();
    }

    private SignedNote checkpoint(long size) throws Exception {
        grow(size);
        return sign(LOG, new Checkpoint(LOG.name(), size, tree.root(size)));
    }

    private void grow(long size) {
        while (tree.size() < size) {
            tree.appendEntry(("entry-" + tree.size()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static SignedNote sign(SignerKey key, Checkpoint checkpoint) throws Exception {
        return NoteSigner.sign(checkpoint.text(), key);
    }

    private static byte[] filled(int b) {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) b);
        return seed;
    }
}
