package io.serviceproof.services.content;

import io.serviceproof.common.SafeYaml;
import io.serviceproof.common.UnprocessableDocumentException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * SLOs to and from OpenSLO v1 YAML (one {@code kind: SLO} document per objective). Ours map onto a
 * threshold-metric indicator whose query is the measured quantity ({@code p95(latency_ms)}), with
 * one objective carrying the operator and threshold; unit, basis and exclusions travel as
 * annotations. Importing also accepts ratio-metric SLOs from other tools: their target (0.995)
 * becomes {@code ratio(<name>) >= 99.5}.
 */
public final class OpenSlo {

    static final String API_VERSION = "openslo/v1";
    static final String SOURCE = "serviceproof";

    /** Decimals read exactly: a target such as 0.9955555555555555555 must not drift through a double. */
    private static final YAMLMapper YAML = SafeYaml.mapper()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final Map<String, String> OPERATORS = Map.of("<=", "lte", "<", "lt", ">=", "gte", ">", "gt");
    private static final Map<String, String> BACK = Map.of("lte", "<=", "lt", "<", "gte", ">=", "gt", ">");
    private static final Map<String, String> WINDOWS =
            Map.of("month", "1M", "week", "1w", "day", "1d", "quarter", "1Q");

    private OpenSlo() {}

    public static String export(String service, List<LayerContent.Slo> slos) {
        StringWriter out = new StringWriter();
        for (LayerContent.Slo slo : slos) {
            SloExpression expression = SloExpression.parse(slo.expression());
            Map<String, Object> annotations = new LinkedHashMap<>();
            put(annotations, "serviceproof.io/unit", slo.unit());
            put(annotations, "serviceproof.io/basis", slo.basis());
            put(annotations, "serviceproof.io/exclusions", slo.exclusions());
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("name", slo.id());
            metadata.put("displayName", slo.metric());
            if (!annotations.isEmpty()) {
                metadata.put("annotations", annotations);
            }
            String query = expression.aggregate() == null
                    ? expression.quantity()
                    : expression.aggregate() + "(" + expression.quantity() + ")";
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("service", service);
            spec.put(
                    "indicator",
                    Map.of(
                            "metadata", Map.of("name", slo.id() + "-sli"),
                            "spec",
                                    Map.of(
                                            "thresholdMetric",
                                            Map.of(
                                                    "metricSource",
                                                    Map.of("type", SOURCE, "spec", Map.of("query", query))))));
            spec.put("timeWindow", List.of(window(slo.window())));
            spec.put("budgetingMethod", "Occurrences");
            spec.put(
                    "objectives",
                    List.of(Map.of(
                            "displayName", slo.metric(),
                            "op", OPERATORS.get(expression.operator()),
                            "value", expression.threshold(),
                            "target", 1)));
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("apiVersion", API_VERSION);
            document.put("kind", "SLO");
            document.put("metadata", metadata);
            document.put("spec", spec);
            out.write(YAML.writeValueAsString(document));
        }
        return out.toString();
    }

    private static Map<String, Object> window(String window) {
        String w = window == null ? "month" : window.strip();
        if (WINDOWS.containsKey(w)) {
            return Map.of("duration", WINDOWS.get(w), "isRolling", false);
        }
        return Map.of("duration", w, "isRolling", true);
    }

    /** Reads OpenSLO v1 YAML; every problem is reported with the document and field it is in. */
    public static List<LayerContent.Slo> read(String yaml) {
        SafeYaml.screen(yaml);
        List<LayerContent.Slo> slos = new ArrayList<>();
        List<UnprocessableDocumentException.Problem> problems = new ArrayList<>();
        int index = 0;
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNextValue()) {
                JsonNode doc = documents.nextValue();
                String at = "document " + (++index);
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!API_VERSION.equals(doc.path("apiVersion").asString(""))) {
                    problems.add(problem(at + " apiVersion", "must be openslo/v1"));
                    continue;
                }
                if (!"SLO".equals(doc.path("kind").asString(""))) {
                    problems.add(problem(
                            at + " kind",
                            "only kind: SLO is imported, not "
                                    + doc.path("kind").asString("?")));
                    continue;
                }
                slos.add(slo(doc, at, problems));
            }
        } catch (JacksonException e) {
            problems.add(problem("document " + (index + 1), "not readable YAML: " + e.getOriginalMessage()));
        }
        if (slos.isEmpty() && problems.isEmpty()) {
            problems.add(problem("document", "no SLO documents"));
        }
        if (!problems.isEmpty()) {
            throw new UnprocessableDocumentException("OpenSLO rejected", problems);
        }
        return slos;
    }

    private static LayerContent.Slo slo(
            JsonNode doc, String at, List<UnprocessableDocumentException.Problem> problems) {
        String name = doc.at("/metadata/name").asString("");
        String display = doc.at("/metadata/displayName").asString(name);
        JsonNode annotations = doc.at("/metadata/annotations");
        JsonNode spec = doc.path("spec");
        JsonNode objective = spec.path("objectives").path(0);
        JsonNode indicator = spec.at("/indicator/spec");
        String expression = null;
        String unit = text(annotations, "serviceproof.io/unit");
        if (indicator.has("thresholdMetric")) {
            String query =
                    indicator.at("/thresholdMetric/metricSource/spec/query").asString("");
            String op = BACK.get(objective.path("op").asString(""));
            if (op == null || !objective.path("value").isNumber()) {
                problems.add(problem(
                        at + " spec.objectives[0]",
                        "a threshold objective needs op (lte, lt, gte, gt) and a numeric value"));
                return null;
            }
            expression = query + " " + op + " "
                    + objective
                            .path("value")
                            .decimalValue()
                            .stripTrailingZeros()
                            .toPlainString();
        } else if (indicator.has("ratioMetric") && objective.path("target").isNumber()) {
            BigDecimal percent =
                    objective.path("target").decimalValue().movePointRight(2).stripTrailingZeros();
            expression = "ratio(" + name.replaceAll("[^a-z0-9_.]", "_") + ") >= " + percent.toPlainString();
            unit = unit == null ? "%" : unit;
        } else {
            problems.add(problem(
                    at + " spec.indicator", "needs a thresholdMetric, or a ratioMetric with an objective target"));
            return null;
        }
        try {
            SloExpression.parse(expression);
        } catch (IllegalArgumentException e) {
            problems.add(
                    problem(at + " spec.indicator", "the query does not map to an SLO expression: " + e.getMessage()));
            return null;
        }
        JsonNode window = spec.path("timeWindow").path(0);
        String duration = window.path("duration").asString("month");
        String ourWindow = WINDOWS.entrySet().stream()
                .filter(e -> e.getValue().equals(duration)
                        && !window.path("isRolling").asBoolean(false))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(duration);
        return new LayerContent.Slo(
                name,
                display,
                expression,
                unit,
                ourWindow,
                text(annotations, "serviceproof.io/exclusions"),
                text(annotations, "serviceproof.io/basis"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static UnprocessableDocumentException.Problem problem(String location, String message) {
        return new UnprocessableDocumentException.Problem(location, message);
    }
}
