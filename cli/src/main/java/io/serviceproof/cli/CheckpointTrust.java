package io.serviceproof.cli;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.CheckpointVerifier;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.NoteVerificationException;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.witness.WitnessPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a command decides to believe a checkpoint: signed by the log key it was given, or, with
 * {@code --policy}, signed by the policy's log and cosigned by its quorum of witnesses; and then
 * compared with the checkpoint remembered from earlier runs.
 */
final class CheckpointTrust {

    /** A believed checkpoint: which key signed it, and its newest cosignature's time if any. */
    record Believed(Checkpoint checkpoint, VerifierKey logKey, OptionalLong newestCosignature, String note) {}

    private final Optional<WitnessPolicy> policy;
    private final Optional<VerifierKey> key;

    private CheckpointTrust(Optional<WitnessPolicy> policy, Optional<VerifierKey> key) {
        this.policy = policy;
        this.key = key;
    }

    static CheckpointTrust of(Path policyFile, String vkey) throws IOException {
        if (policyFile == null && vkey == null) {
            throw new IllegalArgumentException("give the log's verifier key (--vkey) or a witness policy (--policy)");
        }
        Optional<WitnessPolicy> policy = Optional.empty();
        if (policyFile != null) {
            try {
                policy = Optional.of(WitnessPolicy.parse(Files.readString(policyFile, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--policy " + policyFile + ": " + e.getMessage());
            }
        }
        return new CheckpointTrust(policy, vkey == null ? Optional.empty() : Optional.of(Keys.verifierKey(vkey)));
    }

    boolean hasPolicy() {
        return policy.isPresent();
    }

    Believed believe(SignedNote note) throws MalformedNoteException, NoteVerificationException {
        if (policy.isPresent()) {
            WitnessPolicy.Verified verified = policy.get().verify(note);
            VerifierKey signer = policy.get().logKeys().stream()
                    .filter(k -> k.name().equals(verified.checkpoint().origin()))
                    .findFirst()
                    .orElseThrow();
            if (key.isPresent() && !key.get().equals(signer)) {
                throw new NoteVerificationException("--vkey is not the log key of the policy");
            }
            return new Believed(verified.checkpoint(), signer, verified.newestCosignature(), note.format());
        }
        return new Believed(CheckpointVerifier.verify(note, key.get()), key.get(), OptionalLong.empty(), note.format());
    }

    Believed believe(byte[] note) throws MalformedNoteException, NoteVerificationException {
        return believe(SignedNote.parse(note));
    }

    /** How the checkpoint relates to the one remembered for its log. */
    enum Relation {
        FIRST_SEEN,
        SAME,
        NEWER,
        OLDER,
        FORK
    }

    static Relation relate(Optional<CheckpointMemory.Remembered> remembered, Checkpoint now) {
        if (remembered.isEmpty()) {
            return Relation.FIRST_SEEN;
        }
        Checkpoint before = remembered.get().checkpoint();
        if (before.size() == now.size()) {
            return java.util.Arrays.equals(before.rootHash(), now.rootHash()) ? Relation.SAME : Relation.FORK;
        }
        return before.size() < now.size() ? Relation.NEWER : Relation.OLDER;
    }

    /** Says the two checkpoints, both in full, so the user holds the evidence. */
    static void printBoth(PrintWriter err, CheckpointMemory.Remembered remembered, String now) {
        err.println("remembered checkpoint (first seen " + remembered.seenSince() + "):");
        err.print(indent(remembered.note()));
        err.println("checkpoint shown now:");
        err.print(indent(now));
    }

    /**
     * A stale-checkpoint message when neither a newer checkpoint nor (under a policy) a newer
     * cosignature has come for longer than {@code maxAge}; empty when fresh.
     */
    static Optional<String> staleness(Believed believed, Instant seenSince, Duration maxAge, Instant now) {
        Instant refreshed = believed.newestCosignature().isPresent()
                ? Instant.ofEpochSecond(believed.newestCosignature().getAsLong())
                : seenSince;
        Duration age = Duration.between(refreshed, now);
        if (age.compareTo(maxAge) <= 0) {
            return Optional.empty();
        }
        return Optional.of("STALE: checkpoint " + believed.checkpoint().size() + " of "
                + believed.checkpoint().origin()
                + (believed.newestCosignature().isPresent()
                        ? " was last cosigned at " + refreshed
                        : " has been the latest since this tool first saw it at " + refreshed)
                + " (" + age.toHours() + " h, more than --max-age): the log may be frozen or hiding newer entries");
    }

    private static String indent(String note) {
        StringBuilder out = new StringBuilder();
        note.lines().forEach(line -> out.append("    ").append(line).append('\n'));
        return out.toString();
    }
}
