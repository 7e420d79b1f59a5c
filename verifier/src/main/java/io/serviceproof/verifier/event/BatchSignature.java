package io.serviceproof.verifier.event;

import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import io.serviceproof.verifier.tlog.InclusionProofs;
import io.serviceproof.verifier.tlog.MerkleTree;
import io.serviceproof.verifier.tlog.ProofException;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One device signature for a batch of events (format {@code dsse-batch}): the device builds an RFC
 * 9162 Merkle tree over its events' canonical JSON (each leaf is an entry without its signature, as
 * {@link EventEnvelope#payload} makes it) and signs, with DSSE, the statement {@code {"leaves": n,
 * "root": "<hex>"}}. Each event carries the same signature plus its own place in the tree
 * ({@code leafIndex}, {@code leaves}) and audit path ({@code path}), so each log entry is still
 * checkable on its own, offline: rebuild the root from the entry and its path, rebuild the statement,
 * verify the signature. A device with a high event rate pays one signature per batch instead of one
 * per event, and so does whoever verifies, when it remembers the statements it has already checked.
 */
public final class BatchSignature {

    /** The signature member's format. */
    public static final String FORMAT = "dsse-batch";

    /** The DSSE payload type of a batch statement. */
    public static final String PAYLOAD_TYPE = "application/vnd.serviceproof.ledger-batch+json";

    /** A batch is at most this many events: a path is then at most 20 hashes. */
    public static final long MAX_LEAVES = 1L << 20;

    /** The members of a batch signature. */
    public static final Set<String> MEMBERS =
            Set.of("format", "keyId", "sig", "payloadType", "leafIndex", "leaves", "path");

    private BatchSignature() {}

    /**
     * The exact bytes the device signed for the batch this entry claims to belong to: the DSSE PAE of
     * the statement whose root the entry and its path lead to.
     *
     * @throws JsonException when the signature's place in the batch is malformed (the message names it)
     */
    public static byte[] signedBytes(Map<?, ?> entry) throws JsonException {
        if (!(entry.get("signature") instanceof Map<?, ?> signature)) {
            throw new JsonException("its signature is not an object");
        }
        return signedBytes(EventEnvelope.payload(entry), signature);
    }

    /**
     * As {@link #signedBytes(Map)}, from the entry's canonical JSON without its signature (the tree's
     * leaf) and the signature member.
     */
    public static byte[] signedBytes(byte[] payload, Map<?, ?> signature) throws JsonException {
        Root root = root(payload, signature);
        return statementBytes(root.hash(), root.leaves());
    }

    /**
     * The root of a batch tree and its size: what a batch statement says, and what tells apart the
     * statements of different batches.
     */
    public record Root(byte[] hash, long leaves) {}

    /**
     * The root the entry's leaf (its canonical JSON without the signature) and its path lead to, in
     * a tree of the size its signature states.
     *
     * @throws JsonException when the signature's place in the batch is malformed (the message names it)
     */
    public static Root root(byte[] payload, Map<?, ?> signature) throws JsonException {
        long leaves = whole(signature.get("leaves"), "leaves", 1, MAX_LEAVES);
        long leafIndex = whole(signature.get("leafIndex"), "leafIndex", 0, leaves - 1);
        if (!(signature.get("path") instanceof List<?> path) || path.size() > 64) {
            throw new JsonException("its signature's path is not a list of at most 64 hashes");
        }
        List<byte[]> hashes = new ArrayList<>(path.size());
        for (Object hash : path) {
            byte[] decoded = hash instanceof String hex ? hashBytes(hex) : null;
            if (decoded == null) {
                throw new JsonException("its signature's path holds something other than 64 lower-case hex digits");
            }
            hashes.add(decoded);
        }
        byte[] root;
        try {
            root = InclusionProofs.rootFromProof(leafIndex, leaves, Rfc9162.leafHash(payload), hashes);
        } catch (ProofException e) {
            throw new JsonException("its signature's path does not fit its place in the batch: " + e.getMessage());
        }
        return new Root(root, leaves);
    }

    /** The DSSE bytes a device signs for a batch of {@code leaves} events whose tree has this root. */
    public static byte[] statementBytes(byte[] root, long leaves) throws JsonException {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("leaves", (double) leaves);
        statement.put("root", HexFormat.of().formatHex(root));
        return EventEnvelope.pae(PAYLOAD_TYPE, Json.canonicalBytesOf(statement));
    }

    /**
     * For a device (and for tests): the tree over a batch of entries (each without its signature) and
     * each entry's place in it.
     */
    public static final class Batch {

        private final MerkleTree tree = new MerkleTree();

        public Batch(List<? extends Map<?, ?>> entries) throws JsonException {
            for (Map<?, ?> entry : entries) {
                tree.appendEntry(EventEnvelope.payload(entry));
            }
        }

        /** What the device signs. */
        public byte[] signedBytes() throws JsonException {
            return statementBytes(tree.root(), tree.size());
        }

        /** The signature member of entry {@code index}, given the batch signature. */
        public Map<String, Object> signature(int index, String keyId, String sigBase64) {
            List<String> path = new ArrayList<>();
            for (byte[] hash : tree.inclusionProof(index, tree.size())) {
                path.add(HexFormat.of().formatHex(hash));
            }
            Map<String, Object> signature = new LinkedHashMap<>();
            signature.put("format", FORMAT);
            signature.put("keyId", keyId);
            signature.put("sig", sigBase64);
            signature.put("payloadType", PAYLOAD_TYPE);
            signature.put("leafIndex", (double) index);
            signature.put("leaves", (double) tree.size());
            signature.put("path", path);
            return signature;
        }
    }

    /**
     * A SHA-256 hash as the path writes it: 64 lower-case hex digits. A loop, not a regular
     * expression: it runs for every hash of every batch-signed entry that arrives.
     */
    public static boolean isHash(String hex) {
        if (hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = hex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** The 32 bytes of a hash written as {@link #isHash} requires, or null: checked and decoded in one pass. */
    static byte[] hashBytes(String hex) {
        if (hex.length() != 64) {
            return null;
        }
        byte[] bytes = new byte[32];
        for (int i = 0; i < 32; i++) {
            int high = lowerHexDigit(hex.charAt(2 * i));
            int low = lowerHexDigit(hex.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[i] = (byte) ((high << 4) | low);
        }
        return bytes;
    }

    private static int lowerHexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    private static long whole(Object value, String member, long min, long max) throws JsonException {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (d == Math.rint(d) && d >= min && d <= max) {
                return (long) d;
            }
        }
        throw new JsonException("its signature's " + member + " is not a whole number from " + min + " to " + max);
    }
}
