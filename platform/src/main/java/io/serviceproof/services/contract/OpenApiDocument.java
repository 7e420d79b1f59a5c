package io.serviceproof.services.contract;

import io.serviceproof.common.UnprocessableDocumentException;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An uploaded OpenAPI 3 document (JSON or YAML), parsed and validated with swagger-parser. References
 * outside the document are refused before parsing: resolving them would make the server fetch
 * whatever URL or file an upload names.
 */
public record OpenApiDocument(String title, String apiVersion, String openapiVersion, int operations) {

    private static final Pattern REF = Pattern.compile("[\"']?\\$ref[\"']?\\s*:\\s*[\"']?([^\"'\\s,}]+)");
    static final int MAX_CHARS = 5 * 1024 * 1024;

    public static OpenApiDocument parse(String text) {
        if (text == null || text.isBlank()) {
            throw reject("document", "the document is empty");
        }
        if (text.length() > MAX_CHARS) {
            throw reject("document", "larger than " + MAX_CHARS + " characters");
        }
        Matcher ref = REF.matcher(text);
        while (ref.find()) {
            if (!ref.group(1).startsWith("#")) {
                throw reject("$ref", "'" + ref.group(1) + "' points outside the document; bundle it into one file");
            }
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
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
        int operations = 0;
        if (api.getPaths() != null) {
            for (PathItem item : api.getPaths().values()) {
                operations += item.readOperations().size();
            }
        }
        return new OpenApiDocument(api.getInfo().getTitle(), api.getInfo().getVersion(), api.getOpenapi(), operations);
    }

    private static UnprocessableDocumentException reject(String location, String message) {
        return new UnprocessableDocumentException(
                "invalid OpenAPI document", List.of(new UnprocessableDocumentException.Problem(location, message)));
    }
}
