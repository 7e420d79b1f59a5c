package io.serviceproof.verifier.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.verifier.TestVectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/** Every inclusion and consistency vector of transparency-dev/merkle, honouring {@code wantErr}. */
class MerkleVectorsTests {

    /** The leaves of the RFC 6962 reference tree that the base vectors were generated from. */
    private static final List<String> RFC6962_LEAVES =
            List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    @TestFactory
    Stream<DynamicTest> inclusionVectors() {
        List<Path> files = TestVectors.jsonFiles("transparency-dev-merkle/testdata/inclusion");
        assertThat(files).hasSizeGreaterThan(50);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(TestVectors.name(file), () -> {
                    JsonNode v = TestVectors.json(file);
                    ThrowingCallable verify = () -> InclusionProofs.verify(
                            uint64(v.get("leafIdx")),
                            uint64(v.get("treeSize")),
                            bytes(v.get("leafHash")),
                            hashes(v.get("proof")),
                            bytes(v.get("root")));
                    expect(v, verify);
                }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyVectors() {
        List<Path> files = TestVectors.jsonFiles("transparency-dev-merkle/testdata/consistency");
        assertThat(files).hasSizeGreaterThan(50);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(TestVectors.name(file), () -> {
                    JsonNode v = TestVectors.json(file);
                    ThrowingCallable verify = () -> ConsistencyProofs.verify(
                            uint64(v.get("size1")),
                            uint64(v.get("size2")),
                            hashes(v.get("proof")),
                            bytes(v.get("root1")),
                            bytes(v.get("root2")));
                    expect(v, verify);
                }));
    }

    @Test
    void theEmptyTreeHasTheKnownRoot() {
        assertThat(HexFormat.of().formatHex(Rfc9162.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(new MerkleTree().root()).isEqualTo(Rfc9162.emptyRoot());
    }

    @Test
    void ourProofsOfTheReferenceTreeAreTheVectorsHappyPaths() {
        MerkleTree tree = new MerkleTree();
        RFC6962_LEAVES.forEach(hex -> tree.appendEntry(HexFormat.of().parseHex(hex)));
        for (Path file : TestVectors.jsonFiles("transparency-dev-merkle/testdata/inclusion")) {
            JsonNode v = TestVectors.json(file);
            if (v.get("desc").asString().equals("happy path")) {
                long size = v.get("treeSize").asLong();
                assertThat(tree.root(size)).as(file.toString()).isEqualTo(bytes(v.get("root")));
                assertThat(tree.inclusionProof(v.get("leafIdx").asLong(), size))
                        .as(file.toString())
                        .containsExactlyElementsOf(hashes(v.get("proof")));
            }
        }
        for (Path file : TestVectors.jsonFiles("transparency-dev-merkle/testdata/consistency")) {
            JsonNode v = TestVectors.json(file);
            if (v.get("desc").asString().equals("happy path") && v.get("size1").asLong() > 0) {
                assertThat(tree.consistencyProof(
                                v.get("size1").asLong(), v.get("size2").asLong()))
                        .as(file.toString())
                        .containsExactlyElementsOf(hashes(v.get("proof")));
            }
        }
    }

    @Test
    void leavesAndNodesAreDomainSeparated() {
        byte[] a = Rfc9162.leafHash("a".getBytes(StandardCharsets.UTF_8));
        byte[] b = Rfc9162.leafHash("b".getBytes(StandardCharsets.UTF_8));
        byte[] concatenated = new byte[64];
        System.arraycopy(a, 0, concatenated, 0, 32);
        System.arraycopy(b, 0, concatenated, 32, 32);
        assertThat(Rfc9162.leafHash(concatenated)).isNotEqualTo(Rfc9162.nodeHash(a, b));
    }

    private static void expect(JsonNode vector, ThrowingCallable verify) {
        if (vector.get("wantErr").asBoolean()) {
            assertThatThrownBy(verify).as(vector.get("desc").asString()).isInstanceOf(ProofException.class);
        } else {
            assertThatCode(verify).as(vector.get("desc").asString()).doesNotThrowAnyException();
        }
    }

    /**
     * The vectors use unsigned 64-bit sizes; values above {@code Long.MAX_VALUE} wrap to negative,
     * which the verifier rejects, just as no tree can be that large.
     */
    static long uint64(JsonNode number) {
        return number.bigIntegerValue().longValue();
    }

    static byte[] bytes(JsonNode base64) {
        return base64 == null || base64.isNull() ? null : Base64.getDecoder().decode(base64.asString());
    }

    static List<byte[]> hashes(JsonNode array) {
        List<byte[]> result = new ArrayList<>();
        if (array != null && !array.isNull()) {
            array.forEach(node -> result.add(bytes(node)));
        }
        return result;
    }
}
