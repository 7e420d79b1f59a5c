package io.serviceproof.verifier.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.note.Ed25519;
import io.serviceproof.verifier.note.NoteSigner;
import io.serviceproof.verifier.note.SignerKey;
import io.serviceproof.verifier.tlog.MerkleTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A log published as tiles in memory, audited whole, and then tampered with. */
class LogAuditorTests {

    private final SignerKey key = SignerKey.fromSeed("logs.example/demo", Ed25519.newSeed());
    private final Map<String, byte[]> published = new HashMap<>();
    private final TileSource source = path -> {
        byte[] bytes = published.get(path);
        if (bytes == null) {
            throw new IOException("404 Not Found");
        }
        return bytes.clone();
    };

    @Test
    void anHonestLogPassesAndEveryTamperingIsNamed() throws Exception {
        publish(70_000);
        LogAuditor auditor = new LogAuditor(source, key.verifierKey());
        assertThat(auditor.auditAll().entries()).isEqualTo(70_000);

        byte[] bundle = published.get("tile/entries/005");
        bundle[10] ^= 1;
        assertThatThrownBy(auditor::auditAll)
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("(in tile/entries/005)");
        bundle[10] ^= 1;

        published.get("tile/1/001.p/17")[40] ^= 1;
        assertThatThrownBy(auditor::auditAll).hasMessageContaining("tile/1/001.p/17 does not match");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRejected() throws Exception {
        publish(10);
        SignerKey other = SignerKey.fromSeed("logs.example/demo", Ed25519.newSeed());
        assertThatThrownBy(() -> new LogAuditor(source, other.verifierKey()).auditAll())
                .hasMessageStartingWith("checkpoint:");
    }

    @Test
    void consistencyIsCheckedFromTilesAlone() throws Exception {
        MerkleTree tree = publish(1_000);
        LogAuditor auditor = new LogAuditor(source, key.verifierKey());
        Checkpoint newer = auditor.latestCheckpoint();
        Checkpoint older = new Checkpoint("logs.example/demo", 517, tree.root(517));
        auditor.verifyConsistency(older, newer);

        Checkpoint forked = new Checkpoint("logs.example/demo", 517, tree.root(516));
        assertThatThrownBy(() -> auditor.verifyConsistency(forked, newer)).hasMessageContaining("not consistent");
        assertThatThrownBy(() -> auditor.verifyConsistency(newer, older)).hasMessageContaining("shrank");
    }

    private MerkleTree publish(int size) throws Exception {
        MerkleTree tree = new MerkleTree();
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byte[] entry = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            entries.add(entry);
            tree.appendEntry(entry);
        }
        for (TilePath tile : Tiles.of(size)) {
            published.put(tile.path(), Tiles.encode(tile, tree));
        }
        for (TilePath bundle : Tiles.entryBundles(size)) {
            int from = (int) bundle.index() * TilePath.FULL;
            published.put(bundle.path(), EntryBundle.encode(entries.subList(from, from + bundle.width())));
        }
        Checkpoint checkpoint = new Checkpoint("logs.example/demo", size, tree.root());
        published.put(
                "checkpoint", NoteSigner.sign(checkpoint.text(), key).format().getBytes(StandardCharsets.UTF_8));
        return tree;
    }
}
