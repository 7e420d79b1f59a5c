package io.serviceproof.gateway;

import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one OPC UA server's value changes become events (gateway.yaml, {@code opcua.events}). A publish
 * is applied as a whole: first every change in it updates the latest values, then each change of an
 * event's node becomes an event carrying those values, so a verdict and the part id written with it
 * in the same cycle travel together.
 *
 * <p>An event's id is derived from the endpoint, the node, the change's source time and its value:
 * the value a server sends again (the current value on every new subscription, a republish after a
 * reconnect) is the same event, and the server's log keeps it once.
 */
final class OpcUaMapping {

    /** One value change as the server reported it; {@code value} is JSON-ready (text, number, boolean). */
    record Change(String node, Object value, Instant sourceTime) {}

    private final String endpoint;
    private final String serviceLayerId;
    private final List<GatewayConfig.OpcUaEvent> events;
    private final Map<String, Object> latest = new HashMap<>();

    OpcUaMapping(String endpoint, String serviceLayerId, List<GatewayConfig.OpcUaEvent> events) {
        this.endpoint = endpoint;
        this.serviceLayerId = serviceLayerId;
        this.events = List.copyOf(events);
    }

    /** Every node to monitor: the events' own nodes and the ones their payloads draw on. */
    Set<String> nodes() {
        Set<String> nodes = new LinkedHashSet<>();
        for (GatewayConfig.OpcUaEvent event : events) {
            nodes.add(event.node());
            nodes.addAll(event.with().values());
        }
        return nodes;
    }

    /**
     * The events one publish makes, in its order. A change without a usable value (a bad status, a
     * number that is not finite) updates nothing and is no event.
     */
    synchronized List<EntryDraft> drafts(List<Change> publish, Instant arrived) {
        for (Change change : publish) {
            if (change.value() != null) {
                latest.put(change.node(), change.value());
            }
        }
        List<EntryDraft> drafts = new ArrayList<>();
        for (Change change : publish) {
            if (change.value() == null) {
                continue;
            }
            for (GatewayConfig.OpcUaEvent event : events) {
                if (event.node().equals(change.node())
                        && (event.when() == null || event.when().equals(String.valueOf(change.value())))) {
                    drafts.add(draft(event, change, arrived));
                }
            }
        }
        return drafts;
    }

    private EntryDraft draft(GatewayConfig.OpcUaEvent event, Change change, Instant arrived) {
        Map<String, Object> payload = new LinkedHashMap<>();
        event.with().forEach((field, node) -> {
            Object value = latest.get(node);
            if (value != null) {
                payload.put(field, value);
            }
        });
        payload.put(event.field(), change.value());
        Instant occurredAt = change.sourceTime() != null ? change.sourceTime() : arrived;
        return new EntryDraft(
                eventId(event, change, occurredAt),
                event.eventType(),
                occurredAt,
                serviceLayerId,
                List.of(),
                payload,
                null);
    }

    private String eventId(GatewayConfig.OpcUaEvent event, Change change, Instant occurredAt) {
        try {
            String identity = String.join(
                    "\u001f",
                    endpoint,
                    change.node(),
                    event.eventType(),
                    occurredAt.toString(),
                    Json.canonical(change.value()));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "opcua:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException | JsonException e) {
            throw new IllegalStateException(e);
        }
    }
}
