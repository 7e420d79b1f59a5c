package io.serviceproof.ingest;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.Phrase;
import io.serviceproof.common.Sha256;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.EventVocabulary;
import io.serviceproof.verifier.json.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How the columns of a CSV file become events, by header name: the time column (required), the event
 * type as a column or one fixed type, the layer as a column or one fixed code, an optional event-id
 * column, and the payload columns (by default every column not used otherwise). A cell is read as the
 * event vocabulary types its field (a number for {@code latencyMs}, a boolean for {@code outage}) and
 * as text otherwise, so "00123" stays "00123"; an empty cell is left out. Without an event-id column a
 * row's id is the digest of its cells, so importing the same file twice logs each row once (and two
 * identical rows are one event).
 */
public record CsvMapping(
        String occurredAtColumn,
        String eventIdColumn,
        String typeColumn,
        String type,
        String serviceLayerColumn,
        String serviceLayerId,
        List<String> payloadColumns) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*");

    public CsvMapping {
        occurredAtColumn = blankToNull(occurredAtColumn);
        eventIdColumn = blankToNull(eventIdColumn);
        typeColumn = blankToNull(typeColumn);
        type = blankToNull(type);
        serviceLayerColumn = blankToNull(serviceLayerColumn);
        serviceLayerId = blankToNull(serviceLayerId);
        payloadColumns = payloadColumns == null
                ? List.of()
                : payloadColumns.stream()
                        .map(CsvMapping::blankToNull)
                        .filter(Objects::nonNull)
                        .toList();
    }

    /** Refuses a mapping that cannot make an event from any row. */
    void requireValid() {
        if (occurredAtColumn == null) {
            throw new InvalidInputException("occurredAtColumn", Phrase.of("error.import.time-column"));
        }
        if ((typeColumn == null) == (type == null)) {
            throw new InvalidInputException("type", Phrase.of("error.import.type-once"));
        }
        if (type != null && (!TYPE.matcher(type).matches() || type.startsWith("device."))) {
            throw new InvalidInputException("type", Phrase.of("error.mqtt.type"));
        }
        if (serviceLayerColumn != null && serviceLayerId != null) {
            throw new InvalidInputException("serviceLayerId", Phrase.of("error.import.layer-once"));
        }
    }

    /** Refuses a header that lacks a column the mapping names. */
    void requireColumns(List<String> header) {
        Stream.concat(
                        Stream.of(occurredAtColumn, eventIdColumn, typeColumn, serviceLayerColumn)
                                .filter(Objects::nonNull),
                        payloadColumns.stream())
                .filter(column -> !header.contains(column))
                .findFirst()
                .ifPresent(missing -> {
                    throw new InvalidInputException("header", Phrase.of("error.import.no-column", missing));
                });
    }

    /** One row, as the header names its cells, to an event. */
    EntryDraft draft(List<String> header, List<String> cells) {
        if (cells.size() != header.size()) {
            throw new InvalidInputException("row", Phrase.of("error.import.cells", cells.size(), header.size()));
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), cells.get(i));
        }
        String eventType = type != null ? type : row.get(typeColumn);
        if (eventType == null || eventType.startsWith("device.")) {
            throw new InvalidInputException(typeColumn, Phrase.of("error.mqtt.type"));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        for (String column : payloadColumns.isEmpty() ? header : payloadColumns) {
            if (column.equals(occurredAtColumn)
                    || column.equals(eventIdColumn)
                    || column.equals(typeColumn)
                    || column.equals(serviceLayerColumn)) {
                continue;
            }
            String cell = row.get(column);
            if (cell != null && !cell.isEmpty()) {
                payload.put(column, typed(eventType, column, cell));
            }
        }
        String eventId = eventIdColumn != null
                ? row.get(eventIdColumn)
                : "csv:" + Sha256.hex(String.join("\u001f", cells)).substring(0, 32);
        EntryDraft draft = new EntryDraft(
                eventId,
                eventType,
                instant(row.get(occurredAtColumn)),
                serviceLayerId != null ? serviceLayerId : blankToNull(row.get(serviceLayerColumn)),
                List.of(),
                payload,
                null);
        EventVocabulary.check(draft.type(), draft.payload());
        return draft;
    }

    /** A cell as the vocabulary types its field: text unless the field is a number or a boolean. */
    private static Object typed(String type, String column, String cell) {
        EventVocabulary.Kind kind = EventVocabulary.type(type)
                .flatMap(t ->
                        t.fields().stream().filter(f -> f.name().equals(column)).findFirst())
                .map(EventVocabulary.Field::kind)
                .orElse(EventVocabulary.Kind.STRING);
        return switch (kind) {
            case NUMBER, INTEGER -> number(column, cell);
            case BOOLEAN ->
                switch (cell.strip()) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default ->
                        throw new InvalidInputException("payload." + column, Phrase.of("error.import.boolean", cell));
                };
            default -> cell;
        };
    }

    private static Object number(String column, String cell) {
        try {
            Object parsed = Json.parse(cell.strip());
            if (parsed instanceof Double) {
                return parsed;
            }
        } catch (io.serviceproof.verifier.json.JsonException e) {
            // falls through to the refusal below
        }
        throw new InvalidInputException("payload." + column, Phrase.of("error.import.number", cell));
    }

    private Instant instant(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(occurredAtColumn, Phrase.of("error.import.time", ""));
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(occurredAtColumn, Phrase.of("error.import.time", text));
        }
    }

    /** The mapping as stored beside its import. */
    Map<String, Object> tree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("occurredAtColumn", occurredAtColumn);
        tree.put("eventIdColumn", eventIdColumn);
        tree.put("typeColumn", typeColumn);
        tree.put("type", type);
        tree.put("serviceLayerColumn", serviceLayerColumn);
        tree.put("serviceLayerId", serviceLayerId);
        tree.put("payloadColumns", new ArrayList<>(payloadColumns));
        tree.values().removeIf(Objects::isNull);
        return tree;
    }

    @SuppressWarnings("unchecked")
    static CsvMapping fromTree(Map<String, Object> tree) {
        return new CsvMapping(
                (String) tree.get("occurredAtColumn"),
                (String) tree.get("eventIdColumn"),
                (String) tree.get("typeColumn"),
                (String) tree.get("type"),
                (String) tree.get("serviceLayerColumn"),
                (String) tree.get("serviceLayerId"),
                (List<String>) tree.get("payloadColumns"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
