package io.serviceproof.catalog.exchange;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * Validates OSCAL JSON against NIST's published JSON schemas (shipped inside liboscal-java), so a
 * rejected document gets one error per problem with its JSON pointer, before anything is bound.
 */
final class OscalSchemas {

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private OscalSchemas() {}

    static void requireValid(String model, String json) {
        JSONObject document;
        try {
            document = new JSONObject(new JSONTokener(json));
        } catch (JSONException e) {
            throw new RejectedDocumentException("#", "not valid JSON: " + e.getMessage());
        }
        try {
            schema(model).validate(document);
        } catch (ValidationException e) {
            List<DocumentError> errors = new ArrayList<>();
            for (String message : e.getAllMessages()) {
                int colon = message.indexOf(": ");
                errors.add(
                        colon > 0
                                ? new DocumentError(message.substring(0, colon), message.substring(colon + 2))
                                : new DocumentError("#", message));
            }
            throw new RejectedDocumentException(errors);
        }
    }

    private static Schema schema(String model) {
        return SCHEMAS.computeIfAbsent(model, m -> {
            String resource = "schema/json/oscal-" + m + "_schema.json";
            try (InputStream in = OscalSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + resource);
                }
                return SchemaLoader.builder()
                        .schemaJson(new JSONObject(new JSONTokener(in)))
                        .draftV7Support()
                        .build()
                        .load()
                        .build();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
