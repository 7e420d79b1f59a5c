package io.serviceproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.TlogProof;
import io.serviceproof.verifier.note.Ed25519;
import io.serviceproof.verifier.note.NoteSigner;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.note.SignerKey;
import io.serviceproof.verifier.tiles.EntryBundle;
import io.serviceproof.verifier.tiles.TilePath;
import io.serviceproof.verifier.tiles.Tiles;
import io.serviceproof.verifier.tlog.MerkleTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against a log served over HTTP on localhost, honest and then tampered with. */
class ServiceProofVerifyTests {

    @TempDir
    Path folder;

    private final SignerKey key = SignerKey.fromSeed("localhost/acme", Ed25519.newSeed());
    private final Map<String, byte[]> published = new ConcurrentHashMap<>();
    private final List<byte[]> entries = new ArrayList<>();
    private final MerkleTree tree = new MerkleTree();
    private HttpServer server;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void serveALog() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/logs/acme/", exchange -> {
            byte[] body = published.get(exchange.getRequestURI().getPath().substring("/logs/acme/".length()));
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        grow(600);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anHonestLogIsValid() {
        assertThat(run("log", "--url", url(), "--vkey", key.verifierKey().toString()))
                .isEqualTo(0);
        assertThat(out.toString()).contains("VALID", "600 entries");
    }

    @Test
    void aChangedEntryOrTileIsNamedAndExitsOne() {
        published.get("tile/entries/001")[30] ^= 1;
        assertThat(run("log", "--url", url(), "--vkey", key.verifierKey().toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("INVALID", "tile/entries/001");
        published.get("tile/entries/001")[30] ^= 1;

        published.get("tile/0/002.p/88")[0] ^= 1;
        assertThat(run("log", "--url", url(), "--vkey", key.verifierKey().toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("tile/0/002.p/88");
    }

    @Test
    void aTileTheCheckpointCoversButTheLogWithholdsIsAFailureOfTheLog() {
        published.remove("tile/entries/001");
        assertThat(run("log", "--url", url(), "--vkey", key.verifierKey().toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("INVALID", "withholds", "tile/entries/001");
    }

    @Test
    void aWrongKeyIsInvalidAndAnUnreachableLogIsAnIoError() {
        SignerKey other = SignerKey.fromSeed("localhost/acme", Ed25519.newSeed());
        assertThat(run("log", "--url", url(), "--vkey", other.verifierKey().toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("checkpoint");
        server.stop(0);
        assertThat(run("log", "--url", url(), "--vkey", key.verifierKey().toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("error:");
    }

    @Test
    void aProofFileVerifiesOfflineForItsEntryOnly() throws Exception {
        Path proof = folder.resolve("entry-7.tlog-proof");
        Files.write(proof, new TlogProof(null, 7, tree.inclusionProof(7, tree.size()), currentCheckpoint()).format());
        Path entry = folder.resolve("entry.json");
        Files.write(entry, entries.get(7));
        Path vkey = folder.resolve("log.vkey");
        Files.writeString(vkey, key.verifierKey() + "\n");

        assertThat(run("proof", proof.toString(), "--vkey", "@" + vkey, "--entry", entry.toString()))
                .isEqualTo(0);
        assertThat(out.toString()).contains("index 7");

        Files.write(entry, entries.get(8));
        assertThat(run("proof", proof.toString(), "--vkey", "@" + vkey, "--entry", entry.toString()))
                .isEqualTo(1);

        // Without the entry, what can be checked is, and the verdict is incomplete, never valid.
        assertThat(run("proof", proof.toString(), "--vkey", "@" + vkey)).isEqualTo(3);
        assertThat(out.toString()).contains("[ok] checkpoint");
        assertThat(err.toString()).contains("INCOMPLETE", "entry 7 was not checked");
        // A proof whose length cannot fit its index and size fails even without the entry.
        List<byte[]> tooShort = tree.inclusionProof(7, tree.size())
                .subList(1, tree.inclusionProof(7, tree.size()).size());
        Files.write(proof, new TlogProof(null, 7, tooShort, currentCheckpoint()).format());
        assertThat(run("proof", proof.toString(), "--vkey", "@" + vkey)).isEqualTo(1);
        assertThat(err.toString()).contains("needs");
        Files.write(proof, new TlogProof(null, tree.size() + 5, List.of(), currentCheckpoint()).format());
        assertThat(run("proof", proof.toString(), "--vkey", "@" + vkey)).isEqualTo(1);
        assertThat(err.toString()).contains("beyond");

        Files.writeString(proof, "not a proof");
        assertThat(run("proof", proof.toString(), "--vkey", "@" + vkey)).isEqualTo(1);
        assertThat(run("proof", folder.resolve("missing").toString(), "--vkey", "@" + vkey))
                .isEqualTo(2);
        assertThat(run("proof", "--vkey", "@" + vkey)).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter");
    }

    @Test
    void consistencyBetweenSavedCheckpoints() throws Exception {
        Path older = folder.resolve("old.checkpoint");
        Files.write(older, published.get("checkpoint"));
        grow(250);
        Path newer = folder.resolve("new.checkpoint");
        Files.write(newer, published.get("checkpoint"));

        assertThat(run(
                        "consistency",
                        "--old",
                        older.toString(),
                        "--new",
                        newer.toString(),
                        "--url",
                        url(),
                        "--vkey",
                        key.verifierKey().toString()))
                .isEqualTo(0);
        assertThat(out.toString()).contains("from 600 to 850");

        // A "checkpoint" of a forked history, signed by the same key, is caught.
        Checkpoint forked = new Checkpoint(key.name(), 600, tree.root(599));
        Files.writeString(older, NoteSigner.sign(forked.text(), key).format());
        assertThat(run(
                        "consistency",
                        "--old",
                        older.toString(),
                        "--new",
                        newer.toString(),
                        "--url",
                        url(),
                        "--vkey",
                        key.verifierKey().toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("not consistent");
    }

    private void grow(int count) {
        for (int i = 0; i < count; i++) {
            byte[] entry = ("{\"n\":" + entries.size() + ",\"schema\":\"serviceproof.io/ledger-entry/v1\"}")
                    .getBytes(StandardCharsets.UTF_8);
            entries.add(entry);
            tree.appendEntry(entry);
        }
        published.clear();
        for (TilePath tile : Tiles.of(tree.size())) {
            published.put(tile.path(), Tiles.encode(tile, tree));
        }
        for (TilePath bundle : Tiles.entryBundles(tree.size())) {
            int from = (int) bundle.index() * TilePath.FULL;
            published.put(bundle.path(), EntryBundle.encode(entries.subList(from, from + bundle.width())));
        }
        published.put("checkpoint", currentCheckpoint().format().getBytes(StandardCharsets.UTF_8));
    }

    private SignedNote currentCheckpoint() {
        try {
            return NoteSigner.sign(new Checkpoint(key.name(), tree.size(), tree.root()).text(), key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/logs/acme";
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return ServiceProofVerify.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
