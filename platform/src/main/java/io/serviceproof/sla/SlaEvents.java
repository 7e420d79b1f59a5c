package io.serviceproof.sla;

import io.serviceproof.ledger.LedgerEntry;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.util.Map;

/** Log entries read as measurement events. */
final class SlaEvents {

    private SlaEvents() {}

    @SuppressWarnings("unchecked")
    static SlaEvent of(LedgerEntry entry) {
        Map<String, Object> payload;
        try {
            Object parsed = ((Map<String, Object>) Json.parse(entry.canonicalJson())).get("payload");
            payload = parsed instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (JsonException e) {
            // Entries were canonical JSON when appended; an unreadable one counts for nothing.
            payload = Map.of();
        }
        return new SlaEvent(entry.index(), entry.type(), entry.occurredAt(), payload);
    }
}
