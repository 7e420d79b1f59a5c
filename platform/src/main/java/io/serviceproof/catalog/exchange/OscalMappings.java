package io.serviceproof.catalog.exchange;

import io.serviceproof.catalog.exchange.LibraryDocument.MappingEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.ProvenanceEntry;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OSCAL 1.2 mapping collections (the control mapping model; liboscal-java 3.0.3 predates it, so we
 * read and write its JSON ourselves). Each map's status and IR 8477 strength travel as properties
 * in our namespace; relationship, matching rationale and confidence use the model's own fields.
 */
public final class OscalMappings {

    public static final String OSCAL_VERSION = "1.2.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OscalMappings() {}

    /** Where a resource href points, as a key@edition reference, or empty when unknown. */
    public interface Resources extends Function<String, Optional<String>> {}

    public static String write(
            String title,
            String sourceRef,
            String sourceUuid,
            String targetRef,
            String targetUuid,
            List<MappingEntry> entries,
            ZonedDateTime at) {
        ObjectNode collection = JSON.createObjectNode();
        collection.put("uuid", UUID.randomUUID().toString());
        ObjectNode metadata = collection.putObject("metadata");
        metadata.put("title", title);
        metadata.put("last-modified", at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        metadata.put("version", at.toLocalDate().toString());
        metadata.put("oscal-version", OSCAL_VERSION);
        ObjectNode provenance = collection.putObject("provenance");
        provenance.put("method", "human");
        provenance.put("matching-rationale", "semantic");
        provenance.put("status", "not-complete");
        provenance.put(
                "mapping-description",
                "Exported from ServiceProof: " + sourceRef + " to " + targetRef
                        + ". Only maps with status 'confirmed' count (NIST IR 8477).");
        ObjectNode mapping = collection.putArray("mappings").addObject();
        mapping.put("uuid", UUID.randomUUID().toString());
        resource(mapping.putObject("source-resource"), sourceRef, sourceUuid);
        resource(mapping.putObject("target-resource"), targetRef, targetUuid);
        ArrayNode maps = mapping.putArray("maps");
        for (MappingEntry entry : entries) {
            ObjectNode map = maps.addObject();
            map.put("uuid", UUID.randomUUID().toString());
            map.put("relationship", entry.relationship());
            item(map.putArray("sources"), refOf(entry.source()));
            item(map.putArray("targets"), refOf(entry.target()));
            map.put("matching-rationale", entry.rationale());
            if (entry.confidence() != null) {
                map.putObject("confidence-score").put("category", entry.confidence());
            }
            ArrayNode props = map.putArray("props");
            prop(props, "status", entry.status());
            if (entry.strength() != null) {
                prop(props, "strength", Integer.toString(entry.strength()));
            }
            if (entry.provenance() != null) {
                prop(props, "provenance", entry.provenance().tag());
            }
            if (entry.note() != null && !entry.note().isBlank()) {
                map.put("remarks", entry.note());
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.set("mapping-collection", collection);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** Reads every map of the collection; any structural problem rejects the whole file. */
    public static List<MappingEntry> read(String json, Resources resources) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new RejectedDocumentException("#", "not valid JSON: " + e.getOriginalMessage());
        }
        List<DocumentError> errors = new ArrayList<>();
        JsonNode collection = root.path("mapping-collection");
        if (!collection.isObject()) {
            throw new RejectedDocumentException("#", "the root must be an object with 'mapping-collection'");
        }
        for (String field : List.of("uuid", "metadata", "provenance", "mappings")) {
            if (collection.path(field).isMissingNode()) {
                errors.add(new DocumentError("#/mapping-collection", "required key [" + field + "] not found"));
            }
        }
        String method = collection.path("provenance").path("method").asString("human");
        String rationale =
                collection.path("provenance").path("matching-rationale").asString("semantic");
        List<MappingEntry> entries = new ArrayList<>();
        JsonNode mappings = collection.path("mappings");
        for (int m = 0; m < mappings.size(); m++) {
            JsonNode mapping = mappings.get(m);
            String at = "#/mapping-collection/mappings/" + m;
            Optional<String> source =
                    resources.apply(mapping.path("source-resource").path("href").asString(""));
            Optional<String> target =
                    resources.apply(mapping.path("target-resource").path("href").asString(""));
            if (source.isEmpty()) {
                errors.add(new DocumentError(at + "/source-resource/href", "names no framework in the catalog"));
            }
            if (target.isEmpty()) {
                errors.add(new DocumentError(at + "/target-resource/href", "names no framework in the catalog"));
            }
            JsonNode maps = mapping.path("maps");
            for (int i = 0; i < maps.size(); i++) {
                JsonNode map = maps.get(i);
                String here = at + "/maps/" + i;
                List<String> sources = ids(map.path("sources"), here + "/sources", errors);
                List<String> targets = ids(map.path("targets"), here + "/targets", errors);
                if (map.path("relationship").asString("").isBlank()) {
                    errors.add(new DocumentError(here, "required key [relationship] not found"));
                    continue;
                }
                Map<String, String> props = props(map.path("props"));
                Integer strength = null;
                if (props.containsKey("strength")) {
                    try {
                        strength = normaliseStrength(Integer.parseInt(props.get("strength")));
                    } catch (NumberFormatException e) {
                        errors.add(new DocumentError(here + "/props", "strength must be a whole number 0-10"));
                    }
                }
                if (source.isEmpty() || target.isEmpty()) {
                    continue;
                }
                for (String s : sources) {
                    for (String t : targets) {
                        entries.add(new MappingEntry(
                                source.get() + "#" + s,
                                target.get() + "#" + t,
                                map.path("relationship").asString(),
                                map.path("matching-rationale").asString(rationale),
                                strength,
                                map.path("confidence-score").path("category").asString("unspecified"),
                                props.getOrDefault("status", "proposed"),
                                method,
                                map.path("remarks").asString(""),
                                ProvenanceEntry.unreviewed(
                                        props.getOrDefault("provenance", "S"),
                                        "OSCAL mapping collection "
                                                + collection.path("uuid").asString(""))));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new RejectedDocumentException(errors);
        }
        // Per-map checks (relationship tokens, rationale, strength range) are the validator's, with
        // these locations.
        List<DocumentError> semantic = LibraryValidator.validate(
                new LibraryDocument(LibraryDocument.FORMAT, null, null, null, null, entries, null, null),
                Locations.MAPPING_COLLECTION);
        if (!semantic.isEmpty()) {
            throw new RejectedDocumentException(semantic);
        }
        return entries;
    }

    /**
     * Some published crosswalks use 0-100 for IR 8477's 0-10 strength; such values are scaled
     * down rather than refused.
     */
    static Integer normaliseStrength(int value) {
        return value > 10 && value <= 100 ? Math.round(value / 10f) : value;
    }

    private static List<String> ids(JsonNode items, String at, List<DocumentError> errors) {
        List<String> ids = new ArrayList<>();
        if (!items.isArray() || items.isEmpty()) {
            errors.add(new DocumentError(at, "needs at least one mapping item"));
            return ids;
        }
        for (int i = 0; i < items.size(); i++) {
            String id = items.get(i).path("id-ref").asString("");
            if (id.isBlank()) {
                errors.add(new DocumentError(at + "/" + i, "required key [id-ref] not found"));
            } else {
                ids.add(id);
            }
        }
        return ids;
    }

    private static Map<String, String> props(JsonNode props) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode prop : props) {
            if (OscalCatalogs.NS.toString().equals(prop.path("ns").asString(""))) {
                values.put(prop.path("name").asString(), prop.path("value").asString());
            }
        }
        return values;
    }

    private static void resource(ObjectNode node, String reference, String uuid) {
        node.put("type", "catalog");
        node.put("href", "urn:uuid:" + uuid);
        node.put("title", reference);
    }

    private static void item(ArrayNode array, String ref) {
        ObjectNode item = array.addObject();
        item.put("type", "control");
        item.put("id-ref", OscalCatalogs.oscalId(ref));
    }

    private static void prop(ArrayNode props, String name, String value) {
        ObjectNode prop = props.addObject();
        prop.put("name", name);
        prop.put("ns", OscalCatalogs.NS.toString());
        prop.put("value", value);
    }

    private static String refOf(String requirementReference) {
        return requirementReference.substring(requirementReference.indexOf('#') + 1);
    }
}
