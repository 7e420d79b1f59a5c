package io.serviceproof.ledger;

import io.serviceproof.identity.TrailEntry;
import io.serviceproof.identity.TrailEntryRecorded;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends trail lines to the organisation's log, in the transaction that recorded them. A log may be
 * public and is kept forever, so:
 *
 * <ul>
 *   <li>sign-ins and failed sign-ins are not appended at all: they are security telemetry, and an
 *       entry per failure for an existing e-mail (none for an unknown one) would tell anyone which
 *       accounts exist and when they are attacked;
 *   <li>the entry names actors and records by id only; e-mails, details and addresses stay in the
 *       trail, bound to the log by the SHA-256 of the full trail line with a random salt in it (a
 *       subject digest), so the line can be proven later by disclosing it with its salt, and cannot
 *       be guessed from the digest meanwhile.
 * </ul>
 */
@Component
class TrailLogging {

    private final Ledger ledger;

    TrailLogging(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Trail actions that stay out of the log. */
    static final Set<String> NOT_LOGGED = Set.of("sign-in", "sign-in.failed");

    @EventListener
    void append(TrailEntryRecorded recorded) {
        if (NOT_LOGGED.contains(recorded.entry().action())) {
            return;
        }
        ledger.appendAllFor(recorded.organisationId(), List.of(draft(recorded.entry())));
    }

    static EntryDraft draft(TrailEntry entry) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("actorKind", entry.actorKind().name());
        payload.put("actorId", entry.actorId());
        payload.put("action", entry.action());
        if (entry.targetType() != null) {
            payload.put("targetType", entry.targetType());
            payload.put("targetId", entry.targetId());
        }
        return new EntryDraft(
                "trail:" + entry.id(),
                "trail." + entry.action(),
                entry.occurredAt(),
                null,
                List.of(Map.of("sha256", io.serviceproof.common.Sha256.hex(fullLine(entry)))),
                payload,
                null);
    }

    /** The full trail line, with its salt, as canonical JSON: what a later disclosure must hash to. */
    static String fullLine(TrailEntry entry) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", entry.id());
        line.put("occurredAt", entry.occurredAt().toString());
        line.put("actorKind", entry.actorKind().name());
        line.put("actorId", entry.actorId());
        line.put("actorName", entry.actorName());
        line.put("action", entry.action());
        line.put("targetType", entry.targetType() == null ? Json.NULL : entry.targetType());
        line.put("targetId", entry.targetId() == null ? Json.NULL : entry.targetId());
        line.put("detail", entry.detail());
        if (entry.disclosureSalt() != null) {
            line.put("salt", entry.disclosureSalt());
        }
        try {
            return Json.canonical(line);
        } catch (JsonException e) {
            throw new IllegalStateException(e);
        }
    }
}
