package io.serviceproof.services.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a layer's content before it can be published: every SLO has an id and an expression that
 * parses, data-flow nodes are unique with a known country, flows join existing nodes, validation
 * counts are not negative. Returns every problem at once, each with its location.
 */
public final class LayerContentValidator {

    /** The 19086 content areas (domain reference §2.1) an SLA may state. */
    public static final List<String> CONTENT_AREAS = List.of(
            "accessibility",
            "availability",
            "cloud-service-support",
            "protection-of-pii",
            "information-security",
            "termination-of-service",
            "cloud-service-performance",
            "service-resilience",
            "data-management",
            "attestations-certifications-audits",
            "governance",
            "changes-to-service");

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private LayerContentValidator() {}

    public static List<ContentProblem> problems(LayerContent content) {
        List<ContentProblem> problems = new ArrayList<>();
        content.sla().contentAreas().keySet().forEach(area -> {
            if (!CONTENT_AREAS.contains(area)) {
                problems.add(new ContentProblem(
                        "/sla/contentAreas/" + area,
                        "not an ISO/IEC 19086 content area (" + String.join(", ", CONTENT_AREAS) + ")"));
            }
        });
        Set<String> sloIds = new HashSet<>();
        for (int i = 0; i < content.sla().slos().size(); i++) {
            LayerContent.Slo slo = content.sla().slos().get(i);
            String at = "/sla/slos/" + i;
            if (slo.id() == null || !ID.matcher(slo.id()).matches()) {
                problems.add(new ContentProblem(at + "/id", "lower-case letters, digits, '.', '_' or '-'"));
            } else if (!sloIds.add(slo.id())) {
                problems.add(new ContentProblem(at + "/id", "'" + slo.id() + "' is used twice"));
            }
            if (slo.metric() == null || slo.metric().isBlank()) {
                problems.add(new ContentProblem(at + "/metric", "name what is measured"));
            }
            try {
                SloExpression.parse(slo.expression());
            } catch (IllegalArgumentException e) {
                problems.add(new ContentProblem(at + "/expression", e.getMessage()));
            }
        }
        Set<String> nodeIds = new HashSet<>();
        for (int i = 0; i < content.dataFlow().nodes().size(); i++) {
            LayerContent.FlowNode node = content.dataFlow().nodes().get(i);
            String at = "/dataFlow/nodes/" + i;
            if (node.id() == null || !ID.matcher(node.id()).matches()) {
                problems.add(new ContentProblem(at + "/id", "lower-case letters, digits, '.', '_' or '-'"));
            } else if (!nodeIds.add(node.id())) {
                problems.add(new ContentProblem(at + "/id", "'" + node.id() + "' is used twice"));
            }
            if (node.country() == null || !COUNTRIES.contains(node.country())) {
                problems.add(new ContentProblem(at + "/country", "an ISO 3166-1 alpha-2 code such as CN or VN"));
            }
        }
        for (int i = 0; i < content.dataFlow().flows().size(); i++) {
            LayerContent.Flow flow = content.dataFlow().flows().get(i);
            String at = "/dataFlow/flows/" + i;
            if (!nodeIds.contains(flow.from())) {
                problems.add(new ContentProblem(at + "/from", "no node '" + flow.from() + "'"));
            }
            if (!nodeIds.contains(flow.to())) {
                problems.add(new ContentProblem(at + "/to", "no node '" + flow.to() + "'"));
            }
        }
        if (content.validation() != null && content.validation().confusionMatrix() != null) {
            LayerContent.ConfusionMatrix m = content.validation().confusionMatrix();
            if (m.goodAccepted() < 0
                    || m.goodRejected() < 0
                    || m.defectiveAccepted() < 0
                    || m.defectiveRejected() < 0) {
                problems.add(new ContentProblem("/validation/confusionMatrix", "counts cannot be negative"));
            }
        }
        return problems;
    }
}
