package io.serviceproof.assessment;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a derivation needs, gathered once per computation so the rules run over maps.
 *
 * @param applicable the market's requirements with the basis that makes each apply
 * @param approvedEvidence requirement id → titles of approved evidence valid today linked to it
 * @param pendingEvidence requirement id → titles of linked evidence not (or no longer) counting
 * @param coveredBy requirement id → requirements that cover it by a confirmed mapping
 * @param recognised framework id → the recognised conformity result that covers it in this market
 * @param documentedTypes evidence types (E1…) the offering's published layers document, with where
 * @param overrides requirement id → the latest override
 * @param typeLayers evidence type → the layers whose documents provide it
 * @param evidenceLayers requirement id → layers that evidence linked to it is also linked to
 * @param unverifiedRecognition framework id → a conformity result that would be recognised in this
 *     market but rests on catalog rows no reviewer confirmed (named): shown, never counted
 * @param slaFindings measured service levels of the offering's layers: breaches of recent periods
 *     (nonconformities) and attainment in the last closed period, read by requirements expecting an
 *     SLA (E2)
 */
public record AssessmentInputs(
        List<Applicable> applicable,
        Map<String, List<String>> approvedEvidence,
        Map<String, List<String>> pendingEvidence,
        Map<String, List<Cover>> coveredBy,
        Map<String, String> recognised,
        Map<String, String> documentedTypes,
        Map<String, Override> overrides,
        Map<String, Set<String>> typeLayers,
        Map<String, Set<String>> evidenceLayers,
        List<SlaFinding> slaFindings,
        Map<String, String> unverifiedRecognition) {

    public AssessmentInputs(
            List<Applicable> applicable,
            Map<String, List<String>> approvedEvidence,
            Map<String, List<String>> pendingEvidence,
            Map<String, List<Cover>> coveredBy,
            Map<String, String> recognised,
            Map<String, String> documentedTypes,
            Map<String, Override> overrides,
            Map<String, Set<String>> typeLayers,
            Map<String, Set<String>> evidenceLayers,
            List<SlaFinding> slaFindings) {
        this(
                applicable,
                approvedEvidence,
                pendingEvidence,
                coveredBy,
                recognised,
                documentedTypes,
                overrides,
                typeLayers,
                evidenceLayers,
                slaFindings,
                Map.of());
    }

    /** What the SLA tracker measured for a layer; a breach is a nonconformity. */
    public record SlaFinding(String layerId, boolean breach, String text, String link) {}

    /**
     * A requirement that applies in the market. {@code unverified} names the catalog rows this
     * rests on that no reviewer confirmed (the requirement itself, the market rule that makes it
     * apply), or is null when both are verified.
     */
    public record Applicable(
            String requirementId,
            String frameworkId,
            String framework,
            String ref,
            String title,
            String basis,
            Set<String> evidenceTypes,
            String unverified) {

        public Applicable(
                String requirementId,
                String frameworkId,
                String framework,
                String ref,
                String title,
                String basis,
                Set<String> evidenceTypes) {
            this(requirementId, frameworkId, framework, ref, title, basis, evidenceTypes, null);
        }
    }

    /** A confirmed mapping: {@code byId} covers the requirement fully or partially. */
    public record Cover(String byId, String byLabel, boolean full, String mappingId) {}

    public record Override(Result result, String reason, String by) {}
}
