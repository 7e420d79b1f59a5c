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
}
