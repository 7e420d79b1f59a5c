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

    @Test
    void everyEntryMustBeCanonicalJsonOfTheEntrySchema() throws Exception {
        String schema = "\"schema\":\"serviceproof.io/ledger-entry/v1\"";
        for (String odd :
                new String[] {"{" + schema + ",\"n\":1}", "{\"n\": 1," + schema + "}", "{\"n\":1}", "not json"}) {
            publish(List.of(
                    ("{\"n\":0," + schema + "}").getBytes(StandardCharsets.UTF_8),
                    odd.getBytes(StandardCharsets.UTF_8)));
            assertThatThrownBy(() -> new LogAuditor(source, key.verifierKey()).auditAll())
                    .as(odd)
                    .isInstanceOf(LogVerificationException.class)
                    .hasMessageContaining("tile/entries/000.p/2: entry 1");
        }
    }

    @Test
    void anAbsurdSizeIsRefusedBeforeAnythingIsFetched() throws Exception {
        java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
        Checkpoint huge = new Checkpoint("logs.example/demo", Long.MAX_VALUE / 2, new byte[32]);
        byte[] note = NoteSigner.sign(huge.text(), key).format().getBytes(StandardCharsets.UTF_8);
        TileSource counting = path -> {
            fetches.incrementAndGet();
            return note.clone();
        };
        assertThatThrownBy(() -> new LogAuditor(counting, key.verifierKey()).auditAll())
                .hasMessageContaining("beyond");
        assertThat(fetches).as("only the checkpoint").hasValue(1);
    }

    private MerkleTree publish(int size) throws Exception {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byte[] entry = ("{\"n\":" + i + ",\"schema\":\"serviceproof.io/ledger-entry/v1\"}")
                    .getBytes(StandardCharsets.UTF_8);
            entries.add(entry);
        }
        return publish(entries);
    }

    private MerkleTree publish(List<byte[]> entries) throws Exception {
        published.clear();
        int size = entries.size();
        MerkleTree tree = new MerkleTree();
        entries.forEach(tree::appendEntry);
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
