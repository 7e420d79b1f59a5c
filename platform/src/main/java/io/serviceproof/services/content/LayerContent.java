package io.serviceproof.services.content;

import java.util.List;

/**
 * What one version of a service layer documents (domain reference §5): its service-level
 * description, SLA, data flows, validation method, failure-response protocols, the evidence it
 * relies on and its risks. Published versions are this document as RFC 8785 canonical JSON.
 */
public record LayerContent(
        ServiceDescription description,
        SlaDefinition sla,
        DataFlow dataFlow,
        ValidationMethod validation,
        List<FailureResponse> failureResponses,
        List<String> evidenceItems,
        List<String> risks,
        ApiContractRef apiContract) {

    public LayerContent {
        description = description == null ? ServiceDescription.EMPTY : description;
        sla = sla == null ? new SlaDefinition(null, null) : sla;
        dataFlow = dataFlow == null ? new DataFlow(null, null) : dataFlow;
        failureResponses = failureResponses == null ? List.of() : List.copyOf(failureResponses);
        evidenceItems = evidenceItems == null ? List.of() : List.copyOf(evidenceItems);
        risks = risks == null ? List.of() : List.copyOf(risks);
    }

    /**
     * The layer's API contract this version documents: the uploaded OpenAPI document's version
     * number and digest (the document itself is kept with the layer's contracts).
     */
    public record ApiContractRef(int version, String title, String apiVersion, String sha256) {}

    /** Scope, deliverables, exclusions, support hours and languages, regions served. */
    public record ServiceDescription(
            String scope,
            List<String> deliverables,
            List<String> exclusions,
            String supportHours,
            List<String> supportLanguages,
            List<String> regions) {

        static final ServiceDescription EMPTY = new ServiceDescription("", null, null, "", null, null);

        public ServiceDescription {
            scope = scope == null ? "" : scope;
            supportHours = supportHours == null ? "" : supportHours;
            deliverables = deliverables == null ? List.of() : List.copyOf(deliverables);
            exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
            supportLanguages = supportLanguages == null ? List.of() : List.copyOf(supportLanguages);
            regions = regions == null ? List.of() : List.copyOf(regions);
        }
    }

    /**
     * The ISO/IEC 19086 content areas the SLA covers (area → where or how), and its objectives.
     */
    public record SlaDefinition(java.util.Map<String, String> contentAreas, List<Slo> slos) {
        public SlaDefinition {
            contentAreas = contentAreas == null ? java.util.Map.of() : new java.util.TreeMap<>(contentAreas);
            slos = slos == null ? List.of() : List.copyOf(slos);
        }
    }

    /**
     * One service-level objective. {@code expression} is the measured quantity and its bound, e.g.
     * {@code p95(latency_ms) <= 300} or {@code availability >= 99.5} (see {@link SloExpression}).
     *
     * @param window the period it is measured over: {@code month}, {@code week}, or {@code 30d}
     * @param basis where the target comes from (contract, industry practice, §5 of the reference)
     */
    public record Slo(
            String id, String metric, String expression, String unit, String window, String exclusions, String basis) {}

    /** Nodes (where data is, in which trust zone and country) and the flows between them. */
    public record DataFlow(List<FlowNode> nodes, List<Flow> flows) {
        public DataFlow {
            nodes = nodes == null ? List.of() : List.copyOf(nodes);
            flows = flows == null ? List.of() : List.copyOf(flows);
        }
    }

    /** @param country ISO 3166-1 alpha-2 */
    public record FlowNode(String id, String label, String trustZone, String country) {}

    public record Flow(String from, String to, List<String> dataCategories, boolean personalData, String purpose) {
        public Flow {
            dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
        }
    }

    /**
     * How the service's results were validated; for AI inspection the model version, where the
     * test set came from, and the confusion matrix of accept/reject decisions against ground truth.
     */
    public record ValidationMethod(
            String method, String modelVersion, String testSetProvenance, ConfusionMatrix confusionMatrix) {}

    /** Counts from a validation run: good or defective parts, accepted or rejected by the service. */
    public record ConfusionMatrix(
            long goodAccepted, long goodRejected, long defectiveAccepted, long defectiveRejected) {}

    /** What happens when the service fails: trigger, steps, who acts, within what time, who is told. */
    public record FailureResponse(
            String trigger, List<String> steps, List<String> roles, String timeLimit, String customerNotification) {
        public FailureResponse {
            steps = steps == null ? List.of() : List.copyOf(steps);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
