package io.serviceproof.sla;

import java.time.Instant;
import java.util.Map;

/**
 * A logged service-delivery event as measurement reads it: its log index, type, time and payload, and
 * whether a registered device signed it.
 */
public record SlaEvent(long index, String type, Instant occurredAt, Map<String, Object> payload, boolean deviceSigned) {

    public SlaEvent(long index, String type, Instant occurredAt, Map<String, Object> payload) {
        this(index, type, occurredAt, payload, false);
    }

    String text(String field) {
        Object value = payload.get(field);
        return value instanceof String s ? s : null;
    }

    Double number(String field) {
        Object value = payload.get(field);
        return value instanceof Number n ? n.doubleValue() : null;
    }

    boolean flag(String field) {
        return Boolean.TRUE.equals(payload.get(field));
    }
}
