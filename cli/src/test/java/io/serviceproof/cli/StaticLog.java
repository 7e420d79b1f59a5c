package io.serviceproof.cli;

import com.sun.net.httpserver.HttpServer;
import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.note.NoteSignature;
import io.serviceproof.verifier.note.NoteSigner;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.note.SignerKey;
import io.serviceproof.verifier.tiles.EntryBundle;
import io.serviceproof.verifier.tiles.TilePath;
import io.serviceproof.verifier.tiles.Tiles;
import io.serviceproof.verifier.tlog.MerkleTree;
import io.serviceproof.verifier.witness.CosignerSigner;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A log served over HTTP as tlog-tiles lays it out, whose owner (the test) chooses what it shows:
 * any size of its tree, signed by its key, with the cosignatures it chooses. Two instances with
 * the same key and different entries are a fork.
 */
final class StaticLog implements AutoCloseable {

    private final SignerKey key;
    private final MerkleTree tree = new MerkleTree();
    private final List<byte[]> entries = new ArrayList<>();
    private final HttpServer server;
    private volatile long shown;
    private volatile List<CosignerSigner> cosigners = List.of();
    private volatile long cosignedAt = java.time.Instant.now().getEpochSecond();

    StaticLog(SignerKey key, String prefix, int count) throws Exception {
        this.key = key;
        grow(prefix, count);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/log/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath().substring("/log/".length());
                byte[] body = body(path);
                exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
                if (body != null) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        });
        server.start();
    }

    /** Appends entries of the ledger-entry schema and shows the whole tree. */
    StaticLog grow(String prefix, int count) throws io.serviceproof.verifier.json.JsonException {
        for (int i = 0; i < count; i++) {
            byte[] entry = Json.canonicalBytesOf(
                    Map.of("schema", "serviceproof.io/ledger-entry/v1", "eventId", prefix + "-" + entries.size()));
            entries.add(entry);
            tree.appendEntry(entry);
        }
        shown = entries.size();
        return this;
    }

    StaticLog show(long size) {
        shown = size;
        return this;
    }

    StaticLog cosignedBy(List<CosignerSigner> witnesses, long at) {
        this.cosigners = List.copyOf(witnesses);
        this.cosignedAt = at;
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/log";
    }

    String vkey() {
        return key.verifierKey().toString();
    }

    String checkpoint() {
        try {
            String text = new Checkpoint(key.name(), shown, tree.root(shown)).text();
            List<NoteSignature> signatures =
                    new ArrayList<>(NoteSigner.sign(text, key).signatures());
            cosigners.forEach(w -> signatures.add(w.cosign(text, cosignedAt)));
            return new SignedNote(text, signatures).format();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] body(String path) {
        if (path.equals("checkpoint")) {
            return checkpoint().getBytes(StandardCharsets.UTF_8);
        }
        TilePath tile;
        try {
            tile = TilePath.parse(path);
        } catch (RuntimeException e) {
            return null;
        }
        if (Tiles.entryBundles(shown).contains(tile)) {
            int from = (int) (tile.index() * TilePath.FULL);
            return EntryBundle.encode(entries.subList(from, from + tile.width()));
        }
        return Tiles.of(shown).contains(tile) ? Tiles.encode(tile, tree) : null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
