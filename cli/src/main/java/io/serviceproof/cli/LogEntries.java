package io.serviceproof.cli;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.tiles.EntryBundle;
import io.serviceproof.verifier.tiles.TilePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fetches the log entries a credential's proofs name from the log's public C2SP tiles. Nothing
 * fetched is trusted: the verifier recomputes each entry's leaf and checks its inclusion under a
 * checkpoint the log's key signed, so a server that answers with other bytes only fails the check.
 */
final class LogEntries {

    private LogEntries() {}

    static Map<Long, byte[]> named(byte[] credential, HttpTileSource log) throws IOException {
        Map<Long, byte[]> entries = new HashMap<>();
        List<Long> indexes = indexes(credential);
        if (indexes.isEmpty()) {
            return entries;
        }
        long size = size(log.fetch("checkpoint"));
        Map<Long, List<byte[]>> bundles = new HashMap<>();
        for (long index : indexes) {
            if (index < 0 || index >= size) {
                continue; // not in the log as published: the verifier reports the entry missing
            }
            long bundle = index / TilePath.FULL;
            int width = (int) Math.min(TilePath.FULL, size - bundle * TilePath.FULL);
            List<byte[]> bundleEntries = bundles.get(bundle);
            if (bundleEntries == null) {
                TilePath path = new TilePath(TilePath.ENTRIES, bundle, width);
                bundleEntries = EntryBundle.decode(log.fetch(path.path()), width);
                bundles.put(bundle, bundleEntries);
            }
            entries.put(index, bundleEntries.get((int) (index % TilePath.FULL)));
        }
        return entries;
    }

    private static List<Long> indexes(byte[] credential) {
        try {
            Object evidence = ((Map<?, ?>) Json.parse(new String(credential, StandardCharsets.UTF_8))).get("evidence");
            if (evidence instanceof List<?> items) {
                return items.stream()
                        .filter(i -> i instanceof Map<?, ?> m && m.get("sp:logIndex") instanceof Number)
                        .map(i -> ((Number) ((Map<?, ?>) i).get("sp:logIndex")).longValue())
                        .limit(1_000)
                        .toList();
            }
            return List.of();
        } catch (Exception notACredential) {
            return List.of();
        }
    }

    private static long size(byte[] checkpoint) throws IOException {
        try {
            return Checkpoint.parse(SignedNote.parse(checkpoint).text()).size();
        } catch (MalformedNoteException e) {
            throw new IOException("the log's checkpoint cannot be read: " + e.getMessage(), e);
        }
    }
}
