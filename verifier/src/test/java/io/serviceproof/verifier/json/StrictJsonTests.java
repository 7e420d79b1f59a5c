package io.serviceproof.verifier.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader refuses what RFC 8259 refuses instead of turning it into something else. */
class StrictJsonTests {

    @ParameterizedTest
    @ValueSource(strings = {"\"\\u-001\"", "\"\\u+041\"", "\"\\u 041\"", "\"\\u04g1\"", "\"\\u0x41\"", "\"\\u00١٢\""})
    void aUnicodeEscapeIsExactlyFourHexDigits(String json) {
        assertThatThrownBy(() -> Json.parse(json))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("\\u");
    }

    @Test
    void validEscapesStillDecode() throws JsonException {
        assertThat(Json.parse("\"\\u0041\\u00e9\\u00E9\"")).isEqualTo("Aéé");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-400", "-2.5e-330", "0.0000000000000000000001e-400"})
    void aNumberThatWouldUnderflowToZeroIsRefusedLikeOneThatOverflows(String number) {
        assertThatThrownBy(() -> Json.parse(number))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("too small");
        assertThatThrownBy(() -> Json.parse("1e400")).isInstanceOf(JsonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "-0", "0e-400", "0.000e10", "1e-300", "4.9e-324"})
    void zeroAndSmallButRepresentableNumbersAreAccepted(String number) throws JsonException {
        assertThat(Json.parse(number)).isInstanceOf(Double.class);
    }

    @Test
    void aLoneSurrogateIsRefusedWhereverItStands() {
        String high = String.valueOf((char) 0xD83D);
        String low = String.valueOf((char) 0xDE00);
        for (String json : java.util.List.of(
                "\"plain" + high + "\"", // a lone high surrogate, raw, after plain text
                "\"plain" + low + " more\"", // a lone low surrogate, raw
                "\"plain\\ud800\"", // a lone high surrogate, escaped
                "\"\\udc00\\ud800\"", // a pair in the wrong order, escaped
                "\"" + low + high + "\"", // a pair in the wrong order, raw
                "\"" + high + "\\u0041\"")) { // a raw high surrogate followed by an escaped letter
            assertThatThrownBy(() -> Json.parse(json))
                    .as(json)
                    .isInstanceOf(JsonException.class)
                    .hasMessageContaining("lone surrogate");
        }
    }

    @Test
    void stringsDecodeAlikeWithAndWithoutEscapes() throws JsonException {
        assertThat(Json.parse("\"eventId-42 Kiểm tra 检验\"")).isEqualTo("eventId-42 Kiểm tra 检验");
        assertThat(Json.parse("\"line\\n2 \\\"q\\\" \\\\ end\"")).isEqualTo("line\n2 \"q\" \\ end");
        assertThat(Json.parse("\"😀 \\ud83d\\ude00\"")).isEqualTo("😀 😀");
        assertThat(Json.parse("{\"a\":\"x\",\"b\":[\"y\\t\",\"z\"]}"))
                .isEqualTo(java.util.Map.of("a", "x", "b", java.util.List.of("y\t", "z")));
    }

    @Test
    void aControlCharacterOrAMissingQuoteIsRefusedAfterPlainText() {
        assertThatThrownBy(() -> Json.parse("\"plain\ttab\""))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("control character");
        assertThatThrownBy(() -> Json.parse("\"plain text"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> Json.parse("\"plain \\"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("unterminated");
    }

    @Test
    void canonicalStringsEscapeWhatFollowsALongPlainRun() throws JsonException {
        String plain = "a".repeat(300);
        String controls = "\u0001".repeat(300);
        String expected = "\"" + plain + "\\u0001".repeat(300) + "\"";
        assertThat(Json.canonical(plain + controls)).isEqualTo(expected);
        assertThat(Json.canonical(plain + "\"" + "é".repeat(200) + "😀"))
                .isEqualTo("\"" + plain + "\\\"" + "é".repeat(200) + "😀\"");
        assertThatThrownBy(() -> Json.canonical(plain + (char) 0xD800))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("lone surrogate");
    }
}
