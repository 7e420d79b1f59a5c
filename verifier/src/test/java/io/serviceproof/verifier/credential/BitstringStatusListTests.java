package io.serviceproof.verifier.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BitstringStatusListTests {

    @Test
    void bitsAreNumberedFromTheMostSignificantBitOfTheFirstByte() {
        BitstringStatusList list = BitstringStatusList.empty().with(0, true).with(9, true);
        byte[] bytes = list.bytes();
        assertThat(bytes[0]).isEqualTo((byte) 0x80);
        assertThat(bytes[1]).isEqualTo((byte) 0x40);
        assertThat(list.isSet(0)).isTrue();
        assertThat(list.isSet(1)).isFalse();
        assertThat(list.with(0, false).isSet(0)).isFalse();
    }

    @Test
    void encodesAsMultibaseBase64UrlOfGzipAndDecodesBack() {
        BitstringStatusList list = BitstringStatusList.empty().with(42, true).with(131_071, true);
        String encoded = list.encode();
        assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
        BitstringStatusList decoded = BitstringStatusList.decode(encoded);
        assertThat(decoded.size()).isEqualTo(131_072);
        assertThat(decoded.isSet(42)).isTrue();
        assertThat(decoded.isSet(131_071)).isTrue();
        assertThat(decoded.isSet(43)).isFalse();
    }

    @Test
    void decodesTheSpecificationsExampleList() {
        // The encodedList of the examples in W3C Bitstring Status List v1.0: 131,072 clear bits.
        BitstringStatusList example =
                BitstringStatusList.decode("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA");
        assertThat(example.size()).isEqualTo(131_072);
        assertThat(example.bytes()).containsOnly((byte) 0);
    }

    @Test
    void badListsAreRefusedWithWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> BitstringStatusList.decode("H4sI")).hasMessageContaining("multibase");
        assertThatThrownBy(() -> BitstringStatusList.decode("u!!!")).hasMessageContaining("base64url");
        assertThatThrownBy(() -> BitstringStatusList.decode("u" + b64("not gzip".getBytes())))
                .hasMessageContaining("GZIP");
        assertThatThrownBy(() -> BitstringStatusList.decode("u" + b64(gzip(new byte[100]))))
                .hasMessageContaining("at least 131072");
        // A bomb: 64 MiB of zeros compresses to about 64 KiB.
        assertThatThrownBy(() -> BitstringStatusList.decode("u" + b64(gzip(new byte[64 * 1024 * 1024]))))
                .hasMessageContaining("expands beyond");
        assertThatThrownBy(() -> BitstringStatusList.empty().isSet(131_072)).hasMessageContaining("outside");
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
