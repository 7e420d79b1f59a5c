package io.serviceproof.ledger;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads producer JSON into {@link EntryDraft}s with our own RFC 8785 parser (not a data-binding
 * library), so numbers and strings reach the canonical form exactly as the producer wrote them and
 * duplicate member names are refused rather than silently resolved.
 */
public final class EntryJson {

    public static final int MAX_BATCH = 1000;
    private static final Set<String> MEMBERS =
            Set.of("eventId", "type", "occurredAt", "serviceLayerId", "subjectDigests", "payload", "signature");

    private EntryJson() {}

    /** What a producer submitted: one entry, or a batch (even a batch of one). */
    public record Submission(List<EntryDraft> drafts, boolean batch) {}

    /**
     * The request body as sent. Bytes that are not UTF-8 (malformed sequences, CESU-8 surrogates) are
     * refused: decoding them leniently would store U+FFFD, and the log would commit to text the
     * producer never sent.
     */
    public static Submission parseRequest(byte[] body) {
        return parseRequest(strictUtf8(body));
    }

    /**
     * The text of UTF-8 bytes, or a refusal naming the first malformed sequence. The JDK's own decoding
     * (fast for the ASCII most events are) is kept when encoding its result again gives back the same
     * bytes: a malformed sequence would have become U+FFFD, whose encoding differs from it.
     */
    static String strictUtf8(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), body)) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("body", "not valid UTF-8: " + e.getMessage());
        }
    }

    /** A single entry object, or {@code {"entries": [ ... ]}} with 1 to 1,000 entries. */
    public static Submission parseRequest(String body) {
        Object json;
        try {
            json = Json.parse(body);
        } catch (JsonException e) {
            throw new InvalidInputException("body", "not valid JSON: " + e.getMessage());
        }
        if (!(json instanceof Map<?, ?> object)) {
            throw new InvalidInputException("body", "expected an entry object or {\"entries\": [...]}");
        }
        if (object.containsKey("entries") && object.size() == 1) {
            if (!(object.get("entries") instanceof List<?> list) || list.isEmpty() || list.size() > MAX_BATCH) {
                throw new InvalidInputException("entries", "a batch holds 1 to " + MAX_BATCH + " entries");
            }
            List<EntryDraft> drafts = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                drafts.add(entry(list.get(i), "entries[" + i + "]"));
            }
            return new Submission(drafts, true);
        }
        return new Submission(List.of(entry(object, "")), false);
    }

    @SuppressWarnings("unchecked")
    private static EntryDraft entry(Object json, String path) {
        try {
            if (!(json instanceof Map<?, ?> raw)) {
                throw new InvalidInputException("entry", "an entry is a JSON object");
            }
            Map<String, Object> m = (Map<String, Object>) raw;
            for (String name : m.keySet()) {
                if (!MEMBERS.contains(name)) {
                    throw new InvalidInputException(name, "unknown member; entries have " + MEMBERS);
                }
            }
            EntryDraft draft = new EntryDraft(
                    string(m, "eventId"),
                    string(m, "type"),
                    instant(m.get("occurredAt")),
                    string(m, "serviceLayerId"),
                    (List<Map<String, Object>>) typed(m, "subjectDigests", List.class),
                    (Map<String, Object>) typed(m, "payload", Map.class),
                    (Map<String, Object>) typed(m, "signature", Map.class));
            // Device keys enter the log only through the device registry, which checks and records them:
            // a submitted device.* entry could otherwise register a key the registry never saw.
            if (draft.type().startsWith("device.")) {
                throw new InvalidInputException(
                        "type", "device.* entries are written by the device registry (/api/v1/devices), not submitted");
            }
            // Known event types must carry the payload their measurements read.
            EventVocabulary.check(draft.type(), draft.payload());
            return draft;
        } catch (InvalidInputException e) {
            String field = e.fieldErrors().keySet().iterator().next();
            throw new InvalidInputException(
                    path.isEmpty() ? field : path + "." + field, e.fieldErrors().get(field));
        } catch (ClassCastException e) {
            throw new InvalidInputException(
                    path.isEmpty() ? "subjectDigests" : path + ".subjectDigests", "must be a list of objects");
        }
    }

    private static String string(Map<String, Object> m, String name) {
        Object value = m.get(name);
        if (value != null && !(value instanceof String)) {
            throw new InvalidInputException(name, "must be a string");
        }
        return (String) value;
    }

    private static Object typed(Map<String, Object> m, String name, Class<?> type) {
        Object value = m.get(name);
        if (value == Json.NULL) {
            return null;
        }
        if (value != null && !type.isInstance(value)) {
            throw new InvalidInputException(name, "must be a JSON " + (type == List.class ? "array" : "object"));
        }
        return value;
    }

    /** RFC 3339 section 5.6, years 0000-9999 (OffsetDateTime alone would take "+10000-01-01T..."). */
    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        Instant instant = value instanceof String text ? Rfc3339.parse(text) : null;
        if (instant == null) {
            if (value instanceof String text
                    && text.length() >= 19
                    && text.substring(17, 19).equals("60")
                    && Rfc3339.parse(text.substring(0, 17) + "59" + text.substring(19)) != null) {
                // A leap second has no Instant of its own (java.time smears it); storing it would change it.
                throw new InvalidInputException(
                        "occurredAt",
                        "leap seconds (:60) are not accepted: record the event at :59.999 or the next second");
            }
            throw new InvalidInputException("occurredAt", "must be an RFC 3339 timestamp such as 2026-11-26T08:00:00Z");
        }
        return instant;
    }
}
