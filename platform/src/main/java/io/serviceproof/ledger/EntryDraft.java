package io.serviceproof.ledger;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service-delivery event as a producer submits it, validated. Its canonical form (RFC 8785) is
 * what the log stores and hashes; it holds only what the producer said, so a retry of the same
 * event canonicalises to the same bytes, whatever the whitespace, member order or time-zone offset.
 *
 * @param eventId the producer's own id, unique per organisation; makes appends idempotent
 * @param subjectDigests digests of things the event is about but that stay off the log
 * @param payload the event's details (a JSON object as parsed by {@link Json#parse})
 * @param signature the producer's DSSE signature, recorded as given (may be null)
 */
public record EntryDraft(
        String eventId,
        String type,
        Instant occurredAt,
        String serviceLayerId,
        List<Map<String, Object>> subjectDigests,
        Map<String, Object> payload,
        Map<String, Object> signature) {

    public static final String SCHEMA = "serviceproof.io/ledger-entry/v1";
    /** Entry bundles carry a 16-bit length, so 65,535 bytes is the most an entry can be. */
    public static final int MAX_CANONICAL_BYTES = 65_535;

    public EntryDraft {
        require(
                eventId != null && !eventId.isBlank() && eventId.length() <= 200 && noControl(eventId),
                "eventId",
                "1 to 200 characters, no control characters");
        require(
                type != null && type.length() <= 100 && isType(type),
                "type",
                "lower-case words separated by '.', '_' or '-', e.g. inspection.verdict");
        require(occurredAt != null, "occurredAt", "an RFC 3339 timestamp is required");
        require(
                serviceLayerId == null
                        || (!serviceLayerId.isBlank() && serviceLayerId.length() <= 200 && noControl(serviceLayerId)),
                "serviceLayerId",
                "1 to 200 characters when given");
        subjectDigests = subjectDigests == null ? List.of() : List.copyOf(subjectDigests);
        require(subjectDigests.size() <= 100, "subjectDigests", "at most 100 digests");
        subjectDigests.forEach(Digests::requireValid);
        payload = payload == null ? Map.of() : payload;
        if (signature != null) {
            Signatures.requireValid(signature);
        }
    }

    /** The exact bytes the log stores for this event. */
    public byte[] canonicalBytes() {
        return canonicalBytes(true);
    }

    /**
     * The entry's canonical form without its signature: what a producer signs (the DSSE payload of
     * a signed event, the leaf of a batch signature's tree).
     */
    public byte[] unsignedCanonicalBytes() {
        return canonicalBytes(false);
    }

    private byte[] canonicalBytes(boolean withSignature) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("schema", SCHEMA);
        entry.put("eventId", eventId);
        entry.put("type", type);
        entry.put("occurredAt", Rfc3339.format(occurredAt));
        if (serviceLayerId != null) {
            entry.put("serviceLayerId", serviceLayerId);
        }
        if (!subjectDigests.isEmpty()) {
            entry.put("subjectDigests", subjectDigests);
        }
        entry.put("payload", payload);
        if (withSignature && signature != null) {
            entry.put("signature", signature);
        }
        try {
            return Json.canonicalBytesOf(entry);
        } catch (JsonException e) {
            throw new InvalidInputException("payload", e.getMessage());
        }
    }

    static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidInputException(field, message);
        }
    }

    private static boolean noControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lower-case words of letters and digits, the first starting with a letter, joined by single
     * '.', '_' or '-' ({@code [a-z][a-z0-9]*([._-][a-z0-9]+)*}); a loop rather than the regular
     * expression, as every event arriving is checked.
     */
    static boolean isType(String type) {
        if (type.isEmpty() || type.charAt(0) < 'a' || type.charAt(0) > 'z') {
            return false;
        }
        boolean afterSeparator = false;
        for (int i = 1; i < type.length(); i++) {
            char c = type.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                afterSeparator = false;
            } else if ((c == '.' || c == '_' || c == '-') && !afterSeparator) {
                afterSeparator = true;
            } else {
                return false;
            }
        }
        return !afterSeparator;
    }
}
