package io.serviceproof.gateway;

import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;

/** What an OPC UA data value says, in the terms of an event: its value as JSON, and when it was measured. */
final class OpcUaValues {

    private OpcUaValues() {}

    /** The value as JSON can carry it, or null when there is none to use (bad status, not finite). */
    static Object json(DataValue value) {
        if (value == null
                || (value.getStatusCode() != null && value.getStatusCode().isBad())) {
            return null;
        }
        Object v = value.getValue() == null ? null : value.getValue().getValue();
        if (v == null || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        if (v instanceof Number number) {
            return integer(number);
        }
        if (v instanceof LocalizedText text) {
            return text.getText();
        }
        if (v instanceof DateTime time) {
            return time.getJavaInstant().toString();
        }
        return v.toString();
    }

    /** Largest integer a JSON number carries exactly (I-JSON, RFC 7493): 2^53. */
    private static final java.math.BigInteger EXACT = java.math.BigInteger.ONE.shiftLeft(53);

    /**
     * An integer as JSON carries it exactly: a number up to 2^53, its decimal text beyond (an OPC UA
     * UInt64 counter, a 64-bit serial). Unsigned types are read as unsigned.
     */
    private static Object integer(Number number) {
        java.math.BigInteger exact = number instanceof org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong u
                ? u.toBigInteger()
                : java.math.BigInteger.valueOf(number.longValue());
        return exact.abs().compareTo(EXACT) <= 0 ? exact.longValue() : exact.toString();
    }

    static Instant sourceTime(DataValue value) {
        DateTime time = value.getSourceTime() != null && !value.getSourceTime().isNull()
                ? value.getSourceTime()
                : value.getServerTime();
        return time != null && !time.isNull() ? time.getJavaInstant() : null;
    }
}
