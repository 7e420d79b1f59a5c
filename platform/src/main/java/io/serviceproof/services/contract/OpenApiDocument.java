package io.serviceproof.services.contract;

import io.serviceproof.common.SafeYaml;
import io.serviceproof.common.UnprocessableDocumentException;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An uploaded OpenAPI 3 document (JSON or YAML), parsed and validated with swagger-parser.
 *
 * <p>References are decided on the parsed tree, never on the text: an escaped {@code "\u0024ref"}, a
 * YAML {@code ? $ref} key or a reference in flow style all become the same key {@code $ref} here, and
 * every reference must point inside the document ({@code #/...}). swagger-parser and openapi-diff
 * then only ever see the document re-written from that checked tree, with resolution off, so nothing
 * an upload names is opened, neither a URL nor a file.
 */
public record OpenApiDocument(String title, String apiVersion, String openapiVersion, int operations) {

    static final int MAX_CHARS = 5 * 1024 * 1024;
    private static final int MAX_DEPTH = 64;
    /** Keys whose value is a reference a resolver would follow. */
    private static final List<String> REFERENCE_KEYS = List.of("$ref", "$dynamicRef", "$recursiveRef");

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_CHARS)
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();
    private static final YAMLMapper YAML = SafeYaml.mapper().build();

    public static OpenApiDocument parse(String text) {
        OpenAPI api = model(text);
        int operations = 0;
        if (api.getPaths() != null) {
            for (PathItem item : api.getPaths().values()) {
                operations += item.readOperations().size();
            }
        }
        return new OpenApiDocument(api.getInfo().getTitle(), api.getInfo().getVersion(), api.getOpenapi(), operations);
    }

    /** The validated model, read from the checked tree with reference resolution off. */
    static OpenAPI model(String text) {
        String checked = checkedJson(text);
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        options.setResolveFully(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(checked, null, options);
        OpenAPI api = result.getOpenAPI();
        List<UnprocessableDocumentException.Problem> problems = new ArrayList<>();
        if (result.getMessages() != null) {
            result.getMessages().stream()
                    .limit(50)
                    .forEach(m -> problems.add(new UnprocessableDocumentException.Problem("openapi", m)));
        }
        if (api == null || api.getOpenapi() == null || !api.getOpenapi().startsWith("3.")) {
            problems.add(
                    0,
                    new UnprocessableDocumentException.Problem(
                            "openapi", "not an OpenAPI 3 document (the 'openapi' field must be 3.x)"));
        } else if (api.getInfo() == null
                || api.getInfo().getTitle() == null
                || api.getInfo().getVersion() == null) {
            problems.add(
                    new UnprocessableDocumentException.Problem("info", "info.title and info.version are required"));
        }
        if (!problems.isEmpty()) {
            throw new UnprocessableDocumentException("invalid OpenAPI document", problems);
        }
        return api;
    }

    /** The document as JSON written from its parsed tree, once every reference in it is local. */
    static String checkedJson(String text) {
        if (text == null || text.isBlank()) {
            throw reject("document", "the document is empty");
        }
        if (text.length() > MAX_CHARS) {
            throw reject("document", "larger than " + MAX_CHARS + " characters");
        }
        JsonNode tree = tree(text);
        if (!tree.isObject()) {
            throw reject("document", "not an OpenAPI 3 document (the top level must be an object)");
        }
        checkReferences(tree, "");
        return JSON.writeValueAsString(tree);
    }

    private static JsonNode tree(String text) {
        boolean json = text.stripLeading().startsWith("{");
        if (!json) {
            SafeYaml.screen(text, MAX_CHARS);
        }
        try {
            JsonNode tree = json ? JSON.readTree(text) : YAML.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw reject("document", "the document is empty");
            }
            return tree;
        } catch (JacksonException e) {
            throw reject("document", "not readable " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
        }
    }

    private static void checkReferences(JsonNode node, String pointer) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (REFERENCE_KEYS.contains(field.getKey())) {
                    checkReference(field.getValue(), at);
                } else {
                    checkReferences(field.getValue(), at);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkReferences(node.get(i), pointer + "/" + i);
            }
        }
    }

    private static void checkReference(JsonNode value, String at) {
        if (!value.isString()) {
            throw reject(at, "a reference must be text naming a place in this document (#/...)");
        }
        String target = value.asString();
        if (!target.startsWith("#")) {
            throw reject(at, "'" + target + "' points outside the document; bundle it into one file");
        }
    }

    private static UnprocessableDocumentException reject(String location, String message) {
        return new UnprocessableDocumentException(
                "invalid OpenAPI document", List.of(new UnprocessableDocumentException.Problem(location, message)));
    }
}
