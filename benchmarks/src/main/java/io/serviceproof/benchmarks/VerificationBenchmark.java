package io.serviceproof.benchmarks;

import io.serviceproof.verifier.tiles.EntryBundle;
import io.serviceproof.verifier.tlog.InclusionProofs;
import io.serviceproof.verifier.tlog.MerkleTree;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a third party's full verification costs per entry: decoding entry bundles, hashing every
 * entry and rebuilding the tree (the work of {@code serviceproof-verify log}, without the network).
 * Also the cost of checking one inclusion proof. Scores are entries (or proofs) per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerificationBenchmark {

    static final int ENTRIES = 1 << 20;

    private List<byte[]> bundles;
    private final List<byte[]> entries = new ArrayList<>();
    private byte[] leaf;
    private List<byte[]> proof;
    private byte[] root;

    @Setup
    public void entries() {
        bundles = new ArrayList<>();
        List<byte[]> bundle = new ArrayList<>();
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < ENTRIES; i++) {
            byte[] entry = Events.batch("v-", i, 1).get(0).canonicalBytes();
            bundle.add(entry);
            entries.add(entry);
            tree.appendEntry(entry);
            if (bundle.size() == 256) {
                bundles.add(EntryBundle.encode(bundle));
                bundle.clear();
            }
        }
        leaf = Rfc9162.leafHash(EntryBundle.decode(bundles.get(1234), 256).get(17));
        proof = tree.inclusionProof(1234 * 256 + 17, ENTRIES);
        root = tree.root();
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public byte[] verifyWholeLog() {
        MerkleTree tree = new MerkleTree();
        for (byte[] bundle : bundles) {
            for (byte[] entry : EntryBundle.decode(bundle, 256)) {
                tree.appendEntry(entry);
            }
        }
        return tree.root();
    }

    /**
     * The raw floor for the same bytes: one SHA-256 over each entry as it is held in memory, with no
     * bundle decoding, no leaf prefix and no tree.
     */
    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public int rawHashOfEveryEntry() throws Exception {
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        int fold = 0;
        for (byte[] entry : entries) {
            fold += sha256.digest(entry)[0];
        }
        return fold;
    }

    @Benchmark
    public byte[] verifyInclusionProof() throws Exception {
        return InclusionProofs.rootFromProof(1234 * 256 + 17, ENTRIES, leaf, proof);
    }
}
