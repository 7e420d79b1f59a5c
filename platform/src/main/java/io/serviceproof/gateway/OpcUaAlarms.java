package io.serviceproof.gateway;

import io.serviceproof.ledger.EntryDraft;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
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
 * Time, Message, Severity), so an event of any vendor's type is read the same way, and for the state
 * fields of alarms and conditions (OPC UA Part 9: ConditionId, ConditionName, BranchId, ActiveState,
 * AckedState, ConfirmedState), which the server leaves empty for an event that is not one.
 *
 * <p>An alarm configured with {@code states} turns a condition's events into its transitions
 * (OpcUaConditions): one event of the log per transition named, with the condition's id in the
 * payload. Events of a condition's branches (earlier states still awaiting acknowledgement) are not
 * transitions of the condition and are left out.
 */
final class OpcUaAlarms {

    /** The fields selected from each event, in this order: type, then browse path. */
    static final List<Field> FIELDS = List.of(
            new Field(Identifiers.BaseEventType, "EventId"),
            new Field(Identifiers.BaseEventType, "EventType"),
            new Field(Identifiers.BaseEventType, "SourceName"),
            new Field(Identifiers.BaseEventType, "Time"),
            new Field(Identifiers.BaseEventType, "Message"),
            new Field(Identifiers.BaseEventType, "Severity"),
            // The condition's own node id: the instance of the type itself, an empty browse path (Part 9).
            new Field(Identifiers.ConditionType),
            new Field(Identifiers.ConditionType, "ConditionName"),
            new Field(Identifiers.ConditionType, "BranchId"),
            new Field(Identifiers.AlarmConditionType, "ActiveState", "Id"),
            new Field(Identifiers.AcknowledgeableConditionType, "AckedState", "Id"),
            new Field(Identifiers.AcknowledgeableConditionType, "ConfirmedState", "Id"));

    private static final int EVENT_ID = 0;
    private static final int EVENT_TYPE = 1;
    private static final int SOURCE_NAME = 2;
    private static final int TIME = 3;
    private static final int MESSAGE = 4;
    private static final int SEVERITY = 5;
    private static final int CONDITION_ID = 6;
    private static final int CONDITION_NAME = 7;
    private static final int BRANCH_ID = 8;
    private static final int ACTIVE = 9;
    private static final int ACKNOWLEDGED = 10;
    private static final int CONFIRMED = 11;

    /** One select clause: a field of events of {@code type} by its browse path (none: the node id). */
    record Field(NodeId type, String... path) {

        SimpleAttributeOperand operand() {
            QualifiedName[] browsePath = java.util.Arrays.stream(path)
                    .map(name -> new QualifiedName(0, name))
                    .toArray(QualifiedName[]::new);
            AttributeId attribute = path.length == 0 ? AttributeId.NodeId : AttributeId.Value;
            return new SimpleAttributeOperand(type, browsePath, attribute.uid(), null);
        }
    }

    /**
     * The events that bracket a condition refresh, or ask the client for one (Part 9): they are about
     * the subscription, not the machine, and are never logged.
     */
    private static final java.util.Set<NodeId> REFRESH_EVENTS = java.util.Set.of(
            Identifiers.RefreshStartEventType, Identifiers.RefreshEndEventType, Identifiers.RefreshRequiredEventType);

    private final String endpoint;
    private final String serviceLayerId;
    private final OpcUaConditions conditions = new OpcUaConditions();

    OpcUaAlarms(String endpoint, String serviceLayerId) {
        this.endpoint = endpoint;
        this.serviceLayerId = serviceLayerId;
    }

    /** The filter that selects {@link #FIELDS} of every event the notifier raises. */
    static EventFilter filter() {
        SimpleAttributeOperand[] select = FIELDS.stream().map(Field::operand).toArray(SimpleAttributeOperand[]::new);
        return new EventFilter(select, new ContentFilter(null));
    }

    /**
     * The events of the log one OPC UA event makes: none when it is below the alarm's minimum
     * severity, one per transition named for a condition's event when the alarm maps states, else
     * one. Fields the server left empty are left out of the payload; an event without its own time is
     * dated by its arrival.
     */
    List<EntryDraft> drafts(GatewayConfig.OpcUaAlarm alarm, Variant[] fields, Instant arrived) {
        if (value(fields, EVENT_TYPE) instanceof NodeId type && REFRESH_EVENTS.contains(type)) {
            return List.of();
        }
        Object severity = value(fields, SEVERITY);
        int level = severity instanceof Number n ? n.intValue() : 0;
        Instant occurredAt = value(fields, TIME) instanceof DateTime time && !time.isNull() && time.getJavaTime() > 0
                ? time.getJavaInstant()
                : arrived;
        Map<String, Object> payload = payload(fields, level);
        String identity = value(fields, EVENT_ID) instanceof ByteString eventId && eventId.isNotNull()
                ? HexFormat.of().formatHex(eventId.bytesOrEmpty())
                : occurredAt + "\u001f" + payload;
        if (!alarm.states().isEmpty() && value(fields, ACTIVE) instanceof Boolean active) {
            return transitions(alarm, fields, level, active, payload, occurredAt, identity);
        }
        if (level < alarm.minSeverity() || alarm.eventType() == null) {
            return List.of();
        }
        return List.of(draft(eventId(alarm, identity), alarm.eventType(), occurredAt, payload));
    }

    /** Whether the server asks the client to refresh its conditions (RefreshRequiredEventType). */
    static boolean asksForRefresh(Variant[] fields) {
        return Identifiers.RefreshRequiredEventType.equals(value(fields, EVENT_TYPE));
    }

    private List<EntryDraft> transitions(
            GatewayConfig.OpcUaAlarm alarm,
            Variant[] fields,
            int level,
            boolean active,
            Map<String, Object> payload,
            Instant occurredAt,
            String identity) {
        if (value(fields, BRANCH_ID) instanceof NodeId branch && branch.isNotNull()) {
            return List.of();
        }
        String condition = conditionId(fields);
        String key = alarm.notifier() + "\u001f" + condition;
        if (level < alarm.minSeverity() && !conditions.followed(key)) {
            return List.of();
        }
        payload.put("conditionId", condition);
        if (value(fields, CONDITION_NAME) instanceof String name && !name.isEmpty()) {
            payload.put("conditionName", name);
        }
        OpcUaConditions.State now = new OpcUaConditions.State(
                active,
                value(fields, ACKNOWLEDGED) instanceof Boolean acked ? acked : null,
                value(fields, CONFIRMED) instanceof Boolean confirmed ? confirmed : null);
        List<EntryDraft> drafts = new ArrayList<>(2);
        for (OpcUaConditions.Transition transition : conditions.next(key, now)) {
            String type = alarm.typeOf(transition);
            if (type != null) {
                String id = eventId(alarm, identity + "\u001f" + transition.key);
                drafts.add(draft(id, type, occurredAt, payload));
            }
        }
        return drafts;
    }

    private Map<String, Object> payload(Variant[] fields, int level) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (value(fields, SOURCE_NAME) instanceof String source && !source.isEmpty()) {
            payload.put("sourceName", source);
        }
        if (value(fields, MESSAGE) instanceof LocalizedText message && message.getText() != null) {
            payload.put("message", message.getText());
        }
        payload.put("severity", (double) level);
        if (value(fields, EVENT_TYPE) instanceof NodeId type) {
            payload.put("opcuaEventType", type.toParseableString());
        }
        return payload;
    }

    /**
     * The condition's node id; a server that does not give it is read by source, condition name and
     * type, which name one condition of one machine as well.
     */
    private static String conditionId(Variant[] fields) {
        if (value(fields, CONDITION_ID) instanceof NodeId id && id.isNotNull()) {
            return id.toParseableString();
        }
        return String.join(
                "/",
                String.valueOf(value(fields, SOURCE_NAME)),
                String.valueOf(value(fields, CONDITION_NAME)),
                value(fields, EVENT_TYPE) instanceof NodeId type ? type.toParseableString() : "?");
    }

    private EntryDraft draft(String eventId, String type, Instant occurredAt, Map<String, Object> payload) {
        return new EntryDraft(eventId, type, occurredAt, serviceLayerId, List.of(), new LinkedHashMap<>(payload), null);
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
