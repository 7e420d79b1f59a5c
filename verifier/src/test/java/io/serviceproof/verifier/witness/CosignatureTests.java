package io.serviceproof.verifier.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.verifier.TestVectors;
import io.serviceproof.verifier.note.NoteSignature;
import io.serviceproof.verifier.note.SignedNote;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code cosignature/v1} bytes, keys and key IDs, against the spec's text and the shared vectors. */
class CosignatureTests {

    /** The checkpoint body of the example in c2sp.org/tlog-cosignature. */
    private static final String SPEC_CHECKPOINT =
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    private static final byte[] SEED = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            SEED[i] = (byte) i;
        }
    }

    /**
     * Generated independently (Python cryptography 48) from the spec's signed-message text with the
     * seed 00 01 .. 1f, the witness name witness.example.com/w1 and the spec example's time
     * 1679315147: key ID SHA-256(name || 0x0A || 0x04 || key)[:4], then u64 BE time, then Ed25519.
     */
    private static final String EXPECTED_VKEY =
            "witness.example.com/w1+a0059f11+BAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4";

    private static final String EXPECTED_LINE =
            "\u2014 witness.example.com/w1 oAWfEQAAAABkGFDLBuRDazBLVac2NE+Y+IjbjQOcXLfF9CSDZVUIoS83rE1nFZsVE8YiWV6Ngr7lV8H6bdoBQGP/l73euDMQ9k+bBQ==";

    @Test
    void aCosignatureIsByteForByteTheOneAnIndependentImplementationProduces() {
        CosignerSigner signer = CosignerSigner.fromSeed("witness.example.com/w1", SEED);
        assertThat(signer.publicKey()).hasToString(EXPECTED_VKEY);
        assertThat(signer.cosign(SPEC_CHECKPOINT, 1679315147L).line()).isEqualTo(EXPECTED_LINE);
    }

    @Test
    void theSignedMessageIsTheHeaderTheTimeLineAndTheWholeBody() {
        assertThat(new String(
                        Cosignatures.message(1679315147L, SPEC_CHECKPOINT), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("cosignature/v1\ntime 1679315147\n" + SPEC_CHECKPOINT);
    }

    @Test
    void aVerifiedCosignatureGivesItsTimeAndAnyChangeBreaksIt() throws Exception {
        CosignerKey key = CosignerKey.parse(EXPECTED_VKEY);
        NoteSignature line = SignedNote.parse(SPEC_CHECKPOINT + "\n" + EXPECTED_LINE + "\n")
                .signatures()
                .get(0);
        assertThat(key.verify(SPEC_CHECKPOINT, line)).hasValue(1679315147L);

        assertThat(key.verify(SPEC_CHECKPOINT.replace("20852163", "20852164"), line))
                .isEmpty();
        byte[] bytes = line.signature();
        bytes[7] ^= 1; // the time, which the signature covers
        assertThat(key.verify(SPEC_CHECKPOINT, new NoteSignature(line.name(), line.keyId(), bytes)))
                .isEmpty();
    }

    @Test
    void theSharedVectorsTimestampIsReadFromTheSignatureAndAPlainNoteSignatureIsNoCosignature() {
        JsonNode cases = TestVectors.json(TestVectors.root().resolve("c2sp-signed-note/signed-note-vectors.json"))
                .get("cosignatures");
        for (JsonNode c : cases) {
            if (c.get("id").asString().equals("ed25519-cosigv1-timestamp-parse")) {
                byte[] decoded =
                        Base64.getDecoder().decode(c.get("signatureB64").asString());
                assertThat(decoded).hasSize(4 + CosignerKey.SIGNATURE_BYTES);
                assertThat(String.format("%08x", ByteBuffer.wrap(decoded, 0, 4).getInt()))
                        .isEqualTo(c.get("keyIdHex").asString());
                assertThat(ByteBuffer.wrap(decoded, 4, 8).getLong())
                        .isEqualTo(c.get("timestamp").asLong());
            }
            if (c.get("id").asString().equals("not-a-cosignature-parse")) {
                byte[] decoded =
                        Base64.getDecoder().decode(c.get("signatureB64").asString());
                CosignerKey key = CosignerKey.of("any", new byte[32 - 1 + 1]);
                NoteSignature plain =
                        new NoteSignature("any", key.keyId(), java.util.Arrays.copyOfRange(decoded, 4, decoded.length));
                assertThat(key.verify("a\n1\n" + "A".repeat(43) + "=\n", plain)).isEmpty();
            }
        }
    }

    @Test
    void aWitnessKeyOfAnotherTypeOrWithAWrongIdIsRefused() {
        CosignerSigner signer = CosignerSigner.fromSeed("w", SEED);
        String vkey = signer.publicKey().toString();
        String asNoteKey = vkey.substring(0, vkey.lastIndexOf('+') + 1)
                + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(new byte[] {0x01}, 33));
        assertThatThrownBy(() -> CosignerKey.parse(asNoteKey)).hasMessageContaining("type 0x04");
        assertThatThrownBy(() -> CosignerKey.parse("w+00000000" + vkey.substring(vkey.indexOf('+', 2))))
                .hasMessageContaining("does not match");
        assertThat(CosignerSigner.parse(signer.format()).publicKey()).isEqualTo(signer.publicKey());
    }
}
