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
