package io.serviceproof.ledger;

import io.serviceproof.common.InvalidInputException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service-delivery event types the product understands (SLA measurement reads them), each with
 * the payload it must carry. An event of a known type whose payload breaks its definition is
 * refused with the field named; an event of an unknown type is stored as it is and ignored by
 * measurements. Extra payload fields are allowed, so producers can send more than we read. The
 * same definitions are published as JSON Schema (draft 2020-12) by {@link #jsonSchemas()}.
 */
public final class EventVocabulary {

    /** One payload field: its JSON kind, whether it is required, and its allowed values or minimum. */
    public record Field(
            String name, Kind kind, boolean required, List<String> values, Double minimum, String description) {}

    public enum Kind {
        STRING,
        NUMBER,
        INTEGER,
        BOOLEAN,
        TIMESTAMP
    }

    /** An event type: what it records and the payload it carries. */
    public record EventType(String name, String description, List<Field> fields) {}

    private static final Map<String, EventType> TYPES = new LinkedHashMap<>();

    static {
        define(
                "heartbeat",
                "The service (or a machine) is alive; availability is measured from these.",
                optional("status", List.of("up", "degraded", "down"), "state at the time of the beat"),
                optionalNumber("intervalSeconds", 0.0, "the producer's heartbeat interval"));
        define(
                "inspection.verdict",
                "An AI inspection verdict on one part.",
                required("verdict", List.of("pass", "fail"), "the model's decision: pass accepts the part"),
                optional("partId", "the inspected part or image"),
                optional("modelVersion", "the model that decided"),
                optionalNumber("latencyMs", 0.0, "image-to-verdict latency"),
                optionalNumber("confidence", 0.0, "0 to 1"),
                optional("defectClass", "the class it found, for rejects"));
        define(
                "inspection.review",
                "A person's review of a verdict: ground truth for false-accept and false-reject rates.",
                optional("partId", "the reviewed part"),
                required("truth", List.of("good", "defective"), "what the part really is"),
                required("verdict", List.of("pass", "fail"), "what the model said"),
                optional("verdictEventId", "the verdict event reviewed"),
                optionalNumber("reviewMinutes", 0.0, "time from verdict to review"));
        define(
                "incident.opened",
                "A service incident starts.",
                required("incidentId", "the producer's incident id"),
                required("priority", List.of("P1", "P2", "P3", "P4"), "severity"),
                optionalBoolean("outage", "whether the service is unavailable during it"),
                optional(
                        "cause",
                        List.of("service", "customer", "third-party", "force-majeure"),
                        "what caused it; an SLA may exclude customer-caused or force-majeure incidents"));
        define(
                "incident.acknowledged",
                "Someone took the incident (MTTA ends here).",
                required("incidentId", "the incident"));
        define(
                "incident.resolved",
                "The incident is over (MTTR ends here).",
                required("incidentId", "the incident"),
                optionalBoolean("firstTimeFix", "fixed without a repeat visit or session"));
        define(
                "remote-session.started",
                "A remote maintenance session on customer equipment begins.",
                required("sessionId", "the session"),
                optional("technicianId", "who connected"),
                optionalBoolean("mfa", "multi-factor authentication used"),
                optional("approvedBy", "who at the customer approved it"),
                optionalBoolean("recorded", "the session is recorded"));
        define(
                "sla.breach",
                "ServiceProof detected that a layer missed an SLO in a period (written by the platform).",
                required("sloId", "the objective"),
                requiredTimestamp("periodStart", "the period's start, RFC 3339"),
                requiredTimestamp("periodEnd", "the period's end, RFC 3339"),
                required("expression", "the objective as published"),
                optionalNumber("measured", null, "the figure when the breach was detected"));
        define("remote-session.ended", "The remote session ends.", required("sessionId", "the session"));
        define(
                "maintenance.announced",
                "A maintenance window is announced; SLOs exclude it where the SLA says so.",
                required("windowId", "the window"),
                requiredTimestamp("startsAt", "start, RFC 3339"),
                requiredTimestamp("endsAt", "end, RFC 3339"));
        define(
                "alert.raised",
                "A predictive-maintenance alert on an asset.",
                required("alertId", "the alert"),
                optional("assetId", "the asset"),
                optionalNumber("leadTimeDays", 0.0, "predicted days before failure"));
        define("alert.confirmed", "The alert proved right (alert precision).", required("alertId", "the alert"));
        define("alert.dismissed", "The alert was a false alarm.", required("alertId", "the alert"));
        define(
                "ticket.opened",
                "A support ticket is opened.",
                required("ticketId", "the ticket"),
                required("priority", List.of("P1", "P2", "P3", "P4"), "severity"));
        define("ticket.responded", "The first response to a ticket.", required("ticketId", "the ticket"));
        define(
                "ticket.resolved",
                "The ticket is resolved.",
                required("ticketId", "the ticket"),
                optionalBoolean("firstTimeFix", "resolved at the first attempt"));
        define(
                "data-sync.report",
                "How much data a synchronisation or telemetry period delivered (completeness).",
                requiredInteger("expected", "records expected"),
                requiredInteger("received", "records received"),
                optional("source", "the system synchronised"),
                optionalNumber("delayMinutes", 0.0, "how late the period's data arrived (sync-delay objectives)"));
        define(
                "api.request",
                "A (sampled) request to the service's API: latency objectives of a SaaS layer are measured from these.",
                requiredNumber("latencyMs", 0.0, "time from request to complete response"),
                optional("operation", "the API operation or endpoint"),
                optional("status", "the response status (e.g. 200)"));
    }

    private EventVocabulary() {}

    public static List<EventType> types() {
        return List.copyOf(TYPES.values());
    }

    public static Optional<EventType> type(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    /**
     * Checks a payload against its type's definition; unknown types pass. Throws the first problem
     * as an invalid field {@code payload.<name>}.
     */
    public static void check(String type, Map<String, Object> payload) {
        EventType definition = TYPES.get(type);
        if (definition == null) {
            return;
        }
        Map<String, Object> values = payload == null ? Map.of() : payload;
        for (Field field : definition.fields()) {
            Object value = values.get(field.name());
            String at = "payload." + field.name();
            if (value == null || value == io.serviceproof.verifier.json.Json.NULL) {
                if (field.required()) {
                    throw new InvalidInputException(
                            at, "required for " + type + " events (" + field.description() + ")");
                }
                continue;
            }
            switch (field.kind()) {
                case STRING -> {
                    if (!(value instanceof String text) || text.isBlank()) {
                        throw new InvalidInputException(at, "must be a non-empty string");
                    }
                    if (field.values() != null && !field.values().contains(text)) {
                        throw new InvalidInputException(at, "must be one of " + String.join(", ", field.values()));
                    }
                }
                case NUMBER, INTEGER -> {
                    if (!(value instanceof Number number)) {
                        throw new InvalidInputException(at, "must be a number");
                    }
                    if (field.kind() == Kind.INTEGER && number.doubleValue() != Math.rint(number.doubleValue())) {
                        throw new InvalidInputException(at, "must be a whole number");
                    }
                    if (field.minimum() != null && number.doubleValue() < field.minimum()) {
                        throw new InvalidInputException(
                                at, "must not be below " + field.minimum().longValue());
                    }
                }
                case BOOLEAN -> {
                    if (!(value instanceof Boolean)) {
                        throw new InvalidInputException(at, "must be true or false");
                    }
                }
                case TIMESTAMP -> {
                    try {
                        OffsetDateTime.parse(String.valueOf(value));
                    } catch (DateTimeParseException e) {
                        throw new InvalidInputException(
                                at, "must be an RFC 3339 timestamp such as 2026-11-26T08:00:00Z");
                    }
                }
            }
        }
        if (type.equals("maintenance.announced")
                && !OffsetDateTime.parse((String) values.get("endsAt"))
                        .isAfter(OffsetDateTime.parse((String) values.get("startsAt")))) {
            throw new InvalidInputException("payload.endsAt", "must be after startsAt");
        }
        if (type.equals("data-sync.report")
                && ((Number) values.get("received")).doubleValue() > ((Number) values.get("expected")).doubleValue()) {
            throw new InvalidInputException("payload.received", "cannot exceed expected");
        }
    }

    /** Each type's payload as JSON Schema (draft 2020-12), keyed by type name. */
    public static Map<String, Map<String, Object>> jsonSchemas() {
        Map<String, Map<String, Object>> schemas = new LinkedHashMap<>();
        for (EventType type : TYPES.values()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            for (Field field : type.fields()) {
                Map<String, Object> property = new LinkedHashMap<>();
                switch (field.kind()) {
                    case STRING -> property.put("type", "string");
                    case NUMBER -> property.put("type", "number");
                    case INTEGER -> property.put("type", "integer");
                    case BOOLEAN -> property.put("type", "boolean");
                    case TIMESTAMP -> {
                        property.put("type", "string");
                        property.put("format", "date-time");
                    }
                }
                if (field.values() != null) {
                    property.put("enum", field.values());
                }
                if (field.minimum() != null) {
                    property.put("minimum", field.minimum());
                }
                property.put("description", field.description());
                properties.put(field.name(), property);
            }
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            schema.put("$id", "https://serviceproof.io/schemas/events/" + type.name() + ".json");
            schema.put("title", type.name());
            schema.put("description", type.description());
            schema.put("type", "object");
            schema.put("properties", properties);
            schema.put(
                    "required",
                    type.fields().stream()
                            .filter(Field::required)
                            .map(Field::name)
                            .toList());
            schemas.put(type.name(), schema);
        }
        return schemas;
    }

    private static void define(String name, String description, Field... fields) {
        TYPES.put(name, new EventType(name, description, List.of(fields)));
    }

    private static Field required(String name, String description) {
        return new Field(name, Kind.STRING, true, null, null, description);
    }

    private static Field required(String name, List<String> values, String description) {
        return new Field(name, Kind.STRING, true, values, null, description);
    }

    private static Field optional(String name, String description) {
        return new Field(name, Kind.STRING, false, null, null, description);
    }

    private static Field optional(String name, List<String> values, String description) {
        return new Field(name, Kind.STRING, false, values, null, description);
    }

    private static Field requiredNumber(String name, Double minimum, String description) {
        return new Field(name, Kind.NUMBER, true, null, minimum, description);
    }

    private static Field optionalNumber(String name, Double minimum, String description) {
        return new Field(name, Kind.NUMBER, false, null, minimum, description);
    }

    private static Field requiredInteger(String name, String description) {
        return new Field(name, Kind.INTEGER, true, null, 0.0, description);
    }

    private static Field optionalBoolean(String name, String description) {
        return new Field(name, Kind.BOOLEAN, false, null, null, description);
    }

    private static Field requiredTimestamp(String name, String description) {
        return new Field(name, Kind.TIMESTAMP, true, null, null, description);
    }
}
