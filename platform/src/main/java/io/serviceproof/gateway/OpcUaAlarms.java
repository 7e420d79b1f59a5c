package io.serviceproof.gateway;

import io.serviceproof.ledger.EntryDraft;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.ContentFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.EventFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.SimpleAttributeOperand;

/**
 * How OPC UA events (gateway.yaml, {@code opcua.alarms}) become events of the log. The gateway asks
 * the server for six fields every event type has (BaseEventType: EventId, EventType, SourceName,
 * Time, Message, Severity), so an alarm of any vendor's condition type is read the same way.
 */
final class OpcUaAlarms {

    /** The fields selected from each event, in this order. */
    static final List<String> FIELDS = List.of("EventId", "EventType", "SourceName", "Time", "Message", "Severity");

    private final String endpoint;
    private final String serviceLayerId;

    OpcUaAlarms(String endpoint, String serviceLayerId) {
        this.endpoint = endpoint;
        this.serviceLayerId = serviceLayerId;
    }

    /** The filter that selects {@link #FIELDS} of every event the notifier raises. */
    static EventFilter filter() {
        SimpleAttributeOperand[] select = FIELDS.stream()
                .map(field -> new SimpleAttributeOperand(
                        Identifiers.BaseEventType,
                        new QualifiedName[] {new QualifiedName(0, field)},
                        AttributeId.Value.uid(),
                        null))
                .toArray(SimpleAttributeOperand[]::new);
        return new EventFilter(select, new ContentFilter(null));
    }

    /**
     * The event of the log one OPC UA event makes, or null when it is below the alarm's minimum
     * severity. Fields the server left empty are left out of the payload; an event without its own
     * time is dated by its arrival.
     */
    EntryDraft draft(GatewayConfig.OpcUaAlarm alarm, Variant[] fields, Instant arrived) {
        Object severity = value(fields, 5);
        int level = severity instanceof Number n ? n.intValue() : 0;
        if (level < alarm.minSeverity()) {
            return null;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        if (value(fields, 2) instanceof String source && !source.isEmpty()) {
            payload.put("sourceName", source);
        }
        if (value(fields, 4) instanceof LocalizedText message && message.getText() != null) {
            payload.put("message", message.getText());
        }
        payload.put("severity", (double) level);
        if (value(fields, 1) instanceof NodeId type) {
            payload.put("opcuaEventType", type.toParseableString());
        }
        Instant occurredAt = value(fields, 3) instanceof DateTime time && !time.isNull() && time.getJavaTime() > 0
                ? time.getJavaInstant()
                : arrived;
        String identity = value(fields, 0) instanceof ByteString eventId && eventId.isNotNull()
                ? HexFormat.of().formatHex(eventId.bytesOrEmpty())
                : occurredAt + "\u001f" + payload;
        return new EntryDraft(
                eventId(alarm, identity), alarm.eventType(), occurredAt, serviceLayerId, List.of(), payload, null);
    }

    /** From the endpoint, the notifier and the server's EventId, which names one occurrence. */
    private String eventId(GatewayConfig.OpcUaAlarm alarm, String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u001f", endpoint, "event", alarm.notifier(), identity)
                            .getBytes(StandardCharsets.UTF_8));
            return "opcua:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(Variant[] fields, int index) {
        return fields != null && index < fields.length && fields[index] != null ? fields[index].getValue() : null;
    }
}
