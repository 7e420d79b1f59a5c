package io.serviceproof.ingest;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.Sha256;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.EntryJson;
import io.serviceproof.ledger.EventVocabulary;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Turns one MQTT message into log entries, as a connection says: the message is an entry (or batch)
 * in the ingest API's JSON, or any JSON object read with JSON pointers (RFC 6901) into one event.
 * Anything it cannot map is refused with the reason, which the connection records.
 */
public final class MessageMapping {

    private MessageMapping() {}

    public static List<EntryDraft> drafts(MqttConnection c, String topic, byte[] message, Instant arrived) {
        if (c.eventType() == null) {
            return EntryJson.parseRequest(message).drafts();
        }
        Object json;
        try {
            json = Json.parse(new String(message, StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new InvalidInputException("message", "not JSON: " + e.getMessage());
        }
        Object id = c.eventIdPointer() == null ? null : at(json, c.eventIdPointer());
        String eventId = id == null
                ? "mqtt:"
                        + Sha256.hex(topic + "\n" + new String(message, StandardCharsets.UTF_8))
                                .substring(0, 32)
                : String.valueOf(id);
        Instant occurredAt = arrived;
        if (c.occurredAtPointer() != null) {
            Object at = at(json, c.occurredAtPointer());
            if (!(at instanceof String text)) {
                throw new InvalidInputException(c.occurredAtPointer(), "no RFC 3339 time at this pointer");
            }
            try {
                occurredAt = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(c.occurredAtPointer(), "not an RFC 3339 time: " + text);
            }
        }
        Object payload = c.payloadPointer() == null ? json : at(json, c.payloadPointer());
        if (!(payload instanceof Map<?, ?> object)) {
            throw new InvalidInputException(
                    c.payloadPointer() == null ? "message" : c.payloadPointer(), "the payload must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) object;
        EventVocabulary.check(c.eventType(), fields);
        return List.of(new EntryDraft(eventId, c.eventType(), occurredAt, c.serviceLayerId(), List.of(), fields, null));
    }

    /** The value at a JSON pointer, or null where there is none. */
    static Object at(Object json, String pointer) {
        if (pointer.isEmpty()) {
            return json;
        }
        if (!pointer.startsWith("/")) {
            throw new InvalidInputException("pointer", "a JSON pointer starts with '/': " + pointer);
        }
        Object node = json;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (node instanceof Map<?, ?> map) {
                node = map.get(token);
            } else if (node instanceof List<?> list && token.matches("0|[1-9][0-9]{0,8}")) {
                int index = Integer.parseInt(token);
                node = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        return node == Json.NULL ? null : node;
    }
}
