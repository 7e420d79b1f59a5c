package io.serviceproof.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.junit.jupiter.api.Test;

/** What an OPC UA value becomes in an event: only what JSON carries exactly, nothing from a bad sample. */
class OpcUaValuesTests {

    @Test
    void aNumberThatIsNotFiniteOrASampleWithABadStatusIsNoValue() {
        assertThat(OpcUaValues.json(good(Double.NaN))).isNull();
        assertThat(OpcUaValues.json(good(Double.POSITIVE_INFINITY))).isNull();
        assertThat(OpcUaValues.json(good(Float.NEGATIVE_INFINITY))).isNull();
        assertThat(OpcUaValues.json(new DataValue(
                        new Variant(41.5), new StatusCode(StatusCodes.Bad_SensorFailure), DateTime.now())))
                .isNull();
        assertThat(OpcUaValues.json(null)).isNull();
    }

    @Test
    void integersStayExactUnsignedOnesUnsignedAndBeyondTwoToTheFiftyThirdTheyAreText() {
        assertThat(OpcUaValues.json(good(Unsigned.ushort(65_535)))).isEqualTo(65_535L);
        assertThat(OpcUaValues.json(good(Unsigned.uint(4_294_967_295L)))).isEqualTo(4_294_967_295L);
        assertThat(OpcUaValues.json(good(9_007_199_254_740_992L))).isEqualTo(9_007_199_254_740_992L);
        assertThat(OpcUaValues.json(good(9_007_199_254_740_993L))).isEqualTo("9007199254740993");
        assertThat(OpcUaValues.json(good(ULong.MAX))).isEqualTo("18446744073709551615");
        assertThat(OpcUaValues.json(good(-42))).isEqualTo(-42L);
    }

    @Test
    void textTimesAndTruthAreCarriedAsTheyAre() {
        assertThat(OpcUaValues.json(good(LocalizedText.english("pass")))).isEqualTo("pass");
        assertThat(OpcUaValues.json(good(true))).isEqualTo(true);
        Instant at = Instant.parse("2026-12-05T08:00:00.125Z");
        assertThat(OpcUaValues.json(good(new DateTime(at)))).isEqualTo("2026-12-05T08:00:00.125Z");
        assertThat(OpcUaValues.sourceTime(new DataValue(new Variant(1), StatusCode.GOOD, new DateTime(at))))
                .isEqualTo(at);
    }

    private static DataValue good(Object value) {
        return new DataValue(new Variant(value), StatusCode.GOOD, DateTime.now());
    }
}
