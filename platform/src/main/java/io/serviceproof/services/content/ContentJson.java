package io.serviceproof.services.content;

import io.serviceproof.common.SafeYaml;
import io.serviceproof.common.UnprocessableDocumentException;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Layer content to and from JSON (and YAML, for people editing a draft by hand). Reading is strict:
 * an unknown field is an error with its location, since a misspelt field would silently vanish.
 */
public final class ContentJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final YAMLMapper YAML = SafeYaml.mapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ContentJson() {}

    public static LayerContent fromJson(String json) {
        return read(() -> JSON.readValue(json, LayerContent.class));
    }

    public static LayerContent fromYaml(String yaml) {
        SafeYaml.screen(yaml);
        return read(() -> YAML.readValue(yaml, LayerContent.class));
    }

    private static LayerContent read(java.util.function.Supplier<LayerContent> parse) {
        try {
            LayerContent content = parse.get();
            if (content == null) {
                throw problem("/", "the document is empty");
            }
            return content;
        } catch (JacksonException e) {
            String path = e instanceof tools.jackson.databind.DatabindException d
                    ? "/"
                            + String.join(
                                    "/",
                                    d.getPath().stream()
                                            .map(r -> r.getPropertyName() != null
                                                    ? r.getPropertyName()
                                                    : String.valueOf(r.getIndex()))
                                            .toList())
                    : "/";
            throw problem(path, e.getOriginalMessage());
        }
    }

    public static String toJson(LayerContent content) {
        return JSON.writeValueAsString(content);
    }

    public static String toYaml(LayerContent content) {
        return YAML.writeValueAsString(content);
    }

    public static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    /** RFC 8785 canonical JSON of the content: what a version stores and hashes. */
    public static String canonical(LayerContent content) {
        try {
            return Json.canonicalize(toJson(content));
        } catch (JsonException e) {
            throw new IllegalStateException("layer content did not canonicalise", e);
        }
    }

    private static UnprocessableDocumentException problem(String location, String message) {
        return new UnprocessableDocumentException(
                "layer content rejected", List.of(new UnprocessableDocumentException.Problem(location, message)));
    }
}
