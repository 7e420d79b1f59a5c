package io.serviceproof.verifier.witness;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.CheckpointVerifier;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.NoteSignature;
import io.serviceproof.verifier.note.NoteVerificationException;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.note.VerifierKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which log to believe and which witnesses must have cosigned its checkpoints, in a small text
 * format modelled on sigsum's policy files (one statement per line, {@code #} starts a comment):
 *
 * <pre>
 * log &lt;log vkey&gt;
 * witness &lt;label&gt; &lt;witness vkey (type 0x04)&gt; [&lt;add-checkpoint URL prefix&gt;]
 * group &lt;label&gt; all|any|&lt;k&gt; &lt;member label&gt;...
 * quorum &lt;witness or group label&gt;|none
 * </pre>
 *
 * Labels are defined before they are used, so groups cannot form cycles. A checkpoint is accepted
 * only when signed by the log and cosigned ({@code cosignature/v1}) by witnesses that satisfy the
 * quorum.
 */
public final class WitnessPolicy {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_LINES = 1_000;

    /** A witness: a label, its cosigning key, and (for logs) where its add-checkpoint endpoint is. */
    public record Witness(String label, CosignerKey key, Optional<URI> url) {}

    private record Group(String label, int threshold, List<String> members) {}

    private final String text;
    private final List<VerifierKey> logKeys;
    private final Map<String, Witness> witnesses;
    private final Map<String, Group> groups;
    private final String quorum;

    private WitnessPolicy(
            String text,
            List<VerifierKey> logKeys,
            Map<String, Witness> witnesses,
            Map<String, Group> groups,
            String quorum) {
        this.text = text;
        this.logKeys = List.copyOf(logKeys);
        this.witnesses = witnesses;
        this.groups = groups;
        this.quorum = quorum;
    }

    /** Parses a policy; a mistake is refused with its line number, never guessed around. */
    public static WitnessPolicy parse(String text) {
        List<VerifierKey> logs = new ArrayList<>();
        Map<String, Witness> witnesses = new LinkedHashMap<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        String quorum = null;
        String[] lines = text.split("\n", -1);
        if (lines.length > MAX_LINES) {
            throw new IllegalArgumentException("a policy has at most " + MAX_LINES + " lines");
        }
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("[ \t]+");
            String where = "policy line " + (n + 1) + ": ";
            try {
                switch (words[0]) {
                    case "log" -> {
                        require(words.length == 2 || words.length == 3, "log <vkey> [url]");
                        logs.add(VerifierKey.parse(words[1]));
                    }
                    case "witness" -> {
                        require(words.length == 3 || words.length == 4, "witness <label> <vkey> [url]");
                        String label = newLabel(words[1], witnesses, groups);
                        Optional<URI> url = words.length == 4 ? Optional.of(url(words[3])) : Optional.empty();
                        witnesses.put(label, new Witness(label, CosignerKey.parse(words[2]), url));
                    }
                    case "group" -> {
                        require(words.length >= 4, "group <label> all|any|<k> <member>...");
                        String label = newLabel(words[1], witnesses, groups);
                        List<String> members = List.of(words).subList(3, words.length);
                        for (String member : members) {
                            require(
                                    witnesses.containsKey(member) || groups.containsKey(member),
                                    "group member '" + member + "' is not defined above");
                        }
                        require(Set.copyOf(members).size() == members.size(), "a group lists each member once");
                        int threshold = threshold(words[2], members.size());
                        groups.put(label, new Group(label, threshold, members));
                    }
                    case "quorum" -> {
                        require(words.length == 2, "quorum <label>|none");
                        require(quorum == null, "only one quorum line");
                        require(
                                words[1].equals("none")
                                        || witnesses.containsKey(words[1])
                                        || groups.containsKey(words[1]),
                                "quorum '" + words[1] + "' is not a witness or group defined above");
                        quorum = words[1];
                    }
                    default ->
                        throw new IllegalArgumentException(
                                "unknown statement '" + words[0] + "' (log, witness, group, quorum)");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        if (logs.isEmpty()) {
            throw new IllegalArgumentException("a policy names the log's key on a 'log' line");
        }
        if (quorum == null) {
            throw new IllegalArgumentException("a policy ends with a 'quorum' line ('quorum none' to need no witness)");
        }
        return new WitnessPolicy(text, logs, witnesses, groups, quorum);
    }

    public List<VerifierKey> logKeys() {
        return logKeys;
    }

    public List<Witness> witnesses() {
        return List.copyOf(witnesses.values());
    }

    /** Whether the policy asks for any cosignature at all. */
    public boolean needsWitnesses() {
        return !quorum.equals("none");
    }

    /** The policy as written, and its SHA-256 (how a credential or dossier names it). */
    public String text() {
        return text;
    }

    public String digest() {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the witnesses with these labels satisfy the quorum. */
    public boolean satisfiedBy(Set<String> cosigned) {
        return quorum.equals("none") || satisfies(quorum, cosigned);
    }

    /** The quorum in words, e.g. {@code 2 of [w1, w2]}. */
    public String describeQuorum() {
        return quorum.equals("none") ? "no witness" : describe(quorum);
    }

    /** What a checkpoint carries under this policy. */
    public record Verified(Checkpoint checkpoint, Map<String, Long> cosignedAt) {

        /** The newest cosignature's time (POSIX seconds), if any witness cosigned. */
        public OptionalLong newestCosignature() {
            return cosignedAt.values().stream().mapToLong(Long::longValue).max();
        }
    }

    /**
     * Verifies a checkpoint: signed by a log key of this policy, every cosignature line from a
     * witness of this policy valid, and the quorum met. Lines from unknown keys are ignored.
     */
    public Verified verify(SignedNote note) throws MalformedNoteException, NoteVerificationException {
        Checkpoint checkpoint = null;
        NoteVerificationException lastFailure = null;
        for (VerifierKey log : logKeys) {
            try {
                checkpoint = CheckpointVerifier.verify(note, log);
                break;
            } catch (NoteVerificationException e) {
                lastFailure = e;
            }
        }
        if (checkpoint == null) {
            throw lastFailure;
        }
        Map<String, Long> cosignedAt = new LinkedHashMap<>();
        for (NoteSignature signature : note.signatures()) {
            for (Witness witness : witnesses.values()) {
                if (!witness.key().matches(signature)) {
                    continue;
                }
                OptionalLong at = witness.key().verify(note.text(), signature);
                if (at.isEmpty()) {
                    throw new NoteVerificationException(
                            "the cosignature of witness '" + witness.label() + "' does not verify");
                }
                cosignedAt.merge(witness.label(), at.getAsLong(), Math::max);
            }
        }
        if (!satisfiedBy(cosignedAt.keySet())) {
            throw new NoteVerificationException("checkpoint " + checkpoint.size() + " is cosigned by "
                    + (cosignedAt.isEmpty() ? "no witness of the policy" : cosignedAt.keySet())
                    + " but the policy's quorum is " + describeQuorum());
        }
        return new Verified(checkpoint, Map.copyOf(cosignedAt));
    }

    private boolean satisfies(String label, Set<String> cosigned) {
        if (witnesses.containsKey(label)) {
            return cosigned.contains(label);
        }
        Group group = groups.get(label);
        long met = group.members().stream().filter(m -> satisfies(m, cosigned)).count();
        return met >= group.threshold();
    }

    private String describe(String label) {
        if (witnesses.containsKey(label)) {
            return label;
        }
        Group group = groups.get(label);
        return group.threshold() + " of "
                + group.members().stream().map(this::describe).toList();
    }

    private static int threshold(String word, int members) {
        return switch (word) {
            case "all" -> members;
            case "any" -> 1;
            default -> {
                if (!word.matches("[1-9][0-9]{0,3}")) {
                    throw new IllegalArgumentException("a group's threshold is all, any or a number, not " + word);
                }
                int k = Integer.parseInt(word);
                if (k > members) {
                    throw new IllegalArgumentException(
                            "threshold " + k + " exceeds the group's " + members + " members");
                }
                yield k;
            }
        };
    }

    private static String newLabel(String label, Map<String, Witness> witnesses, Map<String, Group> groups) {
        require(LABEL.matcher(label).matches() && !label.equals("none"), "a label is 1-64 of A-Z a-z 0-9 . _ -");
        require(!witnesses.containsKey(label) && !groups.containsKey(label), "label '" + label + "' is defined twice");
        return label;
    }

    private static URI url(String text) {
        URI uri = URI.create(text);
        require(
                ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null,
                "a witness URL is http(s)://host/...");
        return uri;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
