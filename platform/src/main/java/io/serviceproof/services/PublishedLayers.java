package io.serviceproof.services;

import io.serviceproof.services.content.ContentJson;
import io.serviceproof.services.content.LayerContent;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What the published versions of layers say, for other modules: the evidence types an offering's
 * layers document (for assessments) and a layer's objectives (for SLA measurement).
 */
@Service
public class PublishedLayers {

    private final Offerings offerings;

    PublishedLayers(Offerings offerings) {
        this.offerings = offerings;
    }

    /**
     * The evidence types (E1…) each published layer of the offering documents, with where: E1 a
     * service-level description, E2 an SLA with objectives, E5 an API contract, E6 a data-flow
     * diagram, E7 a validation method, E8 failure-response protocols. Keyed by layer id.
     */
    public Map<String, Map<String, String>> documentedEvidenceTypes(String offeringId) {
        Map<String, Map<String, String>> byLayer = new java.util.LinkedHashMap<>();
        for (ServiceLayer layer : offerings.layers(offeringId)) {
            if (layer.latestVersion() == 0) {
                continue;
            }
            LayerContent content = ContentJson.fromJson(
                    offerings.version(layer.id(), layer.latestVersion()).canonicalJson());
            String where = layer.name() + " v" + layer.latestVersion();
            Map<String, String> types = new java.util.TreeMap<>();
            if (!content.description().scope().isBlank()) {
                types.put("E1", where + ": service-level description");
            }
            if (!content.sla().slos().isEmpty()) {
                types.put("E2", where + ": SLA with " + content.sla().slos().size() + " objectives");
            }
            if (content.apiContract() != null) {
                types.put(
                        "E5", where + ": API contract v" + content.apiContract().version());
            }
            if (!content.dataFlow().nodes().isEmpty()) {
                types.put("E6", where + ": data-flow diagram");
            }
            if (content.validation() != null) {
                types.put("E7", where + ": validation method");
            }
            if (!content.failureResponses().isEmpty()) {
                types.put("E8", where + ": " + content.failureResponses().size() + " failure-response protocols");
            }
            byLayer.put(layer.id(), types);
        }
        return byLayer;
    }

    /**
     * A part of a layer's latest published version as a buyer would ask about it: its service
     * description, SLA content areas, data flows, validation method, each failure-response protocol,
     * its API contract. {@code text} is the part's own words (for matching a tender's clauses).
     */
    public record PublishedSection(String key, String title, String text, int version, String versionSha256) {}

    /** The sections of the layer's latest published version (none before the first publication). */
    public List<PublishedSection> publishedSections(String layerId) {
        ServiceLayer layer = offerings.layer(layerId);
        if (layer.latestVersion() == 0) {
            return List.of();
        }
        LayerVersion published = offerings.version(layerId, layer.latestVersion());
        LayerContent content = ContentJson.fromJson(published.canonicalJson());
        List<PublishedSection> sections = new java.util.ArrayList<>();
        java.util.function.BiConsumer<String, String[]> add = (key, titleAndText) -> sections.add(
                new PublishedSection(key, titleAndText[0], titleAndText[1], published.version(), published.sha256()));
        LayerContent.ServiceDescription d = content.description();
        if (!d.scope().isBlank()) {
            add.accept("description", new String[] {
                "service-level description",
                String.join(
                        " ",
                        d.scope(),
                        String.join(" ", d.deliverables()),
                        "support hours " + d.supportHours(),
                        "support languages " + String.join(" ", d.supportLanguages()),
                        "regions " + String.join(" ", d.regions()))
            });
        }
        if (!content.sla().contentAreas().isEmpty()) {
            add.accept("sla", new String[] {
                "SLA content areas",
                "service level agreement SLA "
                        + String.join(" ", content.sla().contentAreas().keySet()) + " "
                        + String.join(" ", content.sla().contentAreas().values())
            });
        }
        if (!content.dataFlow().nodes().isEmpty()) {
            StringBuilder flows = new StringBuilder("data flow diagram data flows");
            content.dataFlow()
                    .nodes()
                    .forEach(n -> flows.append(' ')
                            .append(n.label())
                            .append(' ')
                            .append(n.trustZone())
                            .append(' ')
                            .append(n.country()));
            content.dataFlow()
                    .flows()
                    .forEach(f -> flows.append(' ')
                            .append(String.join(" ", f.dataCategories()))
                            .append(f.personalData() ? " personal data" : "")
                            .append(' ')
                            .append(f.purpose()));
            add.accept("data-flow", new String[] {"data-flow diagram", flows.toString()});
        }
        if (content.validation() != null) {
            LayerContent.ValidationMethod v = content.validation();
            add.accept("validation", new String[] {
                "validation method",
                "validation method " + v.method() + " model " + v.modelVersion() + " test set " + v.testSetProvenance()
                        + (v.confusionMatrix() == null ? "" : " confusion matrix accuracy false reject false accept")
            });
        }
        int i = 0;
        for (LayerContent.FailureResponse f : content.failureResponses()) {
            add.accept("failure-response-" + (++i), new String[] {
                "failure-response protocol: " + f.trigger(),
                "failure response protocol " + f.trigger() + " " + String.join(" ", f.steps()) + " "
                        + String.join(" ", f.roles()) + " within " + f.timeLimit() + " customer notification "
                        + f.customerNotification()
            });
        }
        if (content.apiContract() != null) {
            LayerContent.ApiContractRef api = content.apiContract();
            add.accept("api-contract", new String[] {
                "API contract v" + api.version(),
                "API contract documentation OpenAPI version controlled " + api.title() + " " + api.apiVersion()
            });
        }
        return sections;
    }

    /** The SLOs of the layer's latest published version (none before the first publication). */
    public List<PublishedSlo> publishedSlos(String layerId) {
        ServiceLayer layer = offerings.layer(layerId);
        if (layer.latestVersion() == 0) {
            return List.of();
        }
        LayerContent content = ContentJson.fromJson(
                offerings.version(layerId, layer.latestVersion()).canonicalJson());
        return content.sla().slos().stream()
                .map(slo -> {
                    io.serviceproof.services.content.SloExpression e =
                            io.serviceproof.services.content.SloExpression.parse(slo.expression());
                    return new PublishedSlo(
                            slo.id(),
                            slo.metric(),
                            slo.unit(),
                            slo.window(),
                            slo.exclusions(),
                            slo.expression(),
                            e.aggregate(),
                            e.quantity(),
                            e.operator(),
                            e.threshold());
                })
                .toList();
    }
}
