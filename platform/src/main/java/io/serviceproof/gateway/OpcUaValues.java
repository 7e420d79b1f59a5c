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
            return number.longValue();
        }
        if (v instanceof LocalizedText text) {
            return text.getText();
        }
        if (v instanceof DateTime time) {
            return time.getJavaInstant().toString();
        }
        return v.toString();
    }

    static Instant sourceTime(DataValue value) {
        DateTime time = value.getSourceTime() != null && !value.getSourceTime().isNull()
                ? value.getSourceTime()
                : value.getServerTime();
        return time != null && !time.isNull() ? time.getJavaInstant() : null;
    }
}
