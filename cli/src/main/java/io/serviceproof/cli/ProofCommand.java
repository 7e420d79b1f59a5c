package io.serviceproof.cli;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.TlogProof;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.NoteVerificationException;
import io.serviceproof.verifier.tlog.ProofException;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "proof",
        mixinStandardHelpOptions = true,
        description =
                "Verify a C2SP tlog-proof file offline: the checkpoint is signed by the log's key and, with --entry, the entry is in its tree.")
final class ProofCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<file>", description = "The .tlog-proof file")
    Path file;

    @Option(names = "--vkey", description = "The log's verifier key, or @file holding it")
    String vkey;

    @Option(
            names = "--policy",
            paramLabel = "<file>",
            description =
                    "A witness policy (docs/formats.md): the proof's checkpoint must carry its quorum of cosignatures")
    java.nio.file.Path policy;

    @picocli.CommandLine.Mixin
    MemoryOptions memoryOptions;

    @Option(names = "--entry", description = "The entry's exact bytes (its canonical JSON), to prove it is in the log")
    Path entry;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CheckpointTrust trust = CheckpointTrust.of(policy, vkey);
        byte[] bytes = Files.readAllBytes(file);
        try {
            TlogProof proof = TlogProof.parse(bytes);
            CheckpointTrust.Believed believed = trust.believe(proof.checkpointNote());
            if (!compareWithMemory(believed)) {
                return ServiceProofVerify.INVALID;
            }
            if (entry == null) {
                // Everything that can be checked without the entry is; the entry's inclusion is not.
                Checkpoint checkpoint = believed.checkpoint();
                if (proof.index() >= checkpoint.size()) {
                    throw new ProofException(
                            "index " + proof.index() + " is beyond the checkpoint's size " + checkpoint.size());
                }
                int expected = pathLength(proof.index(), checkpoint.size());
                if (proof.inclusionProof().size() != expected) {
                    throw new ProofException(
                            "the proof has " + proof.inclusionProof().size() + " hashes; entry " + proof.index()
                                    + " of a tree of " + checkpoint.size() + " needs " + expected);
                }
                spec.commandLine()
                        .getOut()
                        .printf(
                                "[ok] checkpoint: log %s, size %d, signed by its key; the proof's shape fits entry %d%n",
                                checkpoint.origin(), checkpoint.size(), proof.index());
                spec.commandLine()
                        .getErr()
                        .printf(
                                "INCOMPLETE: entry %d was not checked: give --entry <file> to prove it is in the log%n",
                                proof.index());
                return ServiceProofVerify.INCOMPLETE;
            }
            byte[] leaf = Rfc9162.leafHash(Files.readAllBytes(entry));
            Checkpoint checkpoint = believed.checkpoint();
            io.serviceproof.verifier.tlog.InclusionProofs.verify(
                    proof.index(), checkpoint.size(), leaf, proof.inclusionProof(), checkpoint.rootHash());
            spec.commandLine()
                    .getOut()
                    .printf(
                            "VALID: the entry is at index %d of log %s (tree size %d, signed checkpoint).%n",
                            proof.index(), checkpoint.origin(), checkpoint.size());
            return ServiceProofVerify.VALID;
        } catch (MalformedNoteException | NoteVerificationException | ProofException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("INVALID: " + e.getMessage());
            return ServiceProofVerify.INVALID;
        }
    }

    /**
     * An offline proof can be compared with the remembered checkpoint only at the same size (a
     * different root there is a fork); a checkpoint first seen is remembered, a newer one is not
     * (its consistency needs the log: run {@code log}).
     */
    private boolean compareWithMemory(CheckpointTrust.Believed believed) throws java.io.IOException {
        CheckpointMemory memory = memoryOptions.memory();
        String memoryKey = believed.logKey().toString();
        var remembered = memory.recall(memoryKey);
        switch (CheckpointTrust.relate(remembered, believed.checkpoint())) {
            case FORK -> {
                spec.commandLine()
                        .getErr()
                        .println("INVALID: FORK: two checkpoints of size "
                                + believed.checkpoint().size() + " with different roots, both signed by the log");
                CheckpointTrust.printBoth(spec.commandLine().getErr(), remembered.get(), believed.note());
                return false;
            }
            case FIRST_SEEN -> memory.remember(memoryKey, believed.note(), java.time.Instant.now());
            case NEWER, OLDER ->
                spec.commandLine()
                        .getOut()
                        .printf(
                                "note: the proof's checkpoint (size %d) was not compared with the remembered one (size %d): "
                                        + "that needs the log's tiles (run: log --url ...)%n",
                                believed.checkpoint().size(),
                                remembered.get().checkpoint().size());
            case SAME -> {}
        }
        return true;
    }

    /** RFC 9162 section 2.1.3.1: the number of hashes in the inclusion proof of {@code index} in a tree of {@code size}. */
    static int pathLength(long index, long size) {
        if (size == 1) {
            return 0;
        }
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
        int border = Long.bitCount(index >>> inner);
        return inner + border;
    }
}
