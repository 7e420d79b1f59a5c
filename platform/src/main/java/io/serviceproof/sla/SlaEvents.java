package io.serviceproof.sla;

import io.serviceproof.ledger.LedgerEntry;
import io.serviceproof.ledger.LoggedEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Log entries read as measurement events: the payload's top-level scalar fields, read with a
 * streaming parser (a month's report reads millions, and measurement needs no nested values).
 */
final class SlaEvents {

    private static final JsonFactory JSON = new JsonFactory();

    private SlaEvents() {}

    static SlaEvent of(LedgerEntry entry) {
        return of(entry.index(), entry.type(), entry.occurredAt(), entry.canonical());
    }

    static SlaEvent of(LoggedEvent event) {
        return of(event.index(), event.type(), event.occurredAt(), event.canonical());
    }

    private static SlaEvent of(long index, String type, Instant occurredAt, byte[] canonical) {
        return new SlaEvent(index, type, occurredAt, payload(canonical), deviceSigned(canonical));
    }

    private static final byte[] SIGNATURE_MEMBER =
            "\"signature\":{".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Whether the entry carries a producer signature. The server logs a signed entry only after the
     * signature verified against an active device key, so its presence is the device's word. Read as
     * the top-level member of the canonical JSON: members are sorted, and after "payload"'s object
     * only "schema", "serviceLayerId", "signature", "subjectDigests" and "type" follow.
     */
    static boolean deviceSigned(byte[] canonical) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < canonical.length; i++) {
            byte b = canonical[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
            } else if (b == '"') {
                if (depth == 1 && startsAt(canonical, i, SIGNATURE_MEMBER)) {
                    return true;
                }
                inString = true;
            }
        }
        return false;
    }

    private static boolean startsAt(byte[] bytes, int at, byte[] prefix) {
        if (at + prefix.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The payload's scalar fields; an unreadable entry (entries were canonical JSON when appended) has none. */
    static Map<String, Object> payload(byte[] canonical) {
        Map<String, Object> payload = new HashMap<>();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), canonical)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return payload;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!name.equals("payload") || value != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = parser.currentName();
                    switch (parser.nextToken()) {
                        case VALUE_STRING -> payload.put(field, parser.getString());
                        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> payload.put(field, parser.getDoubleValue());
                        case VALUE_TRUE -> payload.put(field, Boolean.TRUE);
                        case VALUE_FALSE -> payload.put(field, Boolean.FALSE);
                        default -> parser.skipChildren();
                    }
                }
                return payload;
            }
        } catch (JacksonException e) {
            return Map.of();
        }
        return payload;
    }
}
