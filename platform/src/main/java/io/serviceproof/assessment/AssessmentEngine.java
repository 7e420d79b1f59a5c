package io.serviceproof.assessment;

import java.util.ArrayList;
import java.util.List;

/**
 * Derives each applicable requirement's result, with every reason found. In order of strength: a
 * conformity result recognised in the market for the requirement's framework; approved, current
 * evidence linked to it; a confirmed mapping to a requirement that has such evidence (full
 * coverage counts as compliant, partial as partial); the offering's published layer documents
 * covering every evidence type it expects. Evidence that does not count yet, partial coverage, or
 * documents for only some types give partial. For requirements that expect an SLA, the measured
 * attainment of the offering's layers is a reason, and a breach in the last 90 days (a
 * nonconformity) caps the result at partial. Nothing found: not assessed. A reviewer's override
 * replaces the result but keeps the derived one and its reasons beside it.
 */
public final class AssessmentEngine {

    /** The evidence type of a service-level agreement, which measured service levels bear on. */
    static final String SLA_TYPE = "E2";

    private AssessmentEngine() {}

    public static List<RequirementResult> derive(AssessmentInputs in) {
        List<RequirementResult> results = new ArrayList<>(in.applicable().size());
        for (AssessmentInputs.Applicable a : in.applicable()) {
            List<Reason> reasons = new ArrayList<>();
            Result derived = Result.NOT_ASSESSED;

            String certificate = in.recognised().get(a.frameworkId());
            if (certificate != null) {
                reasons.add(new Reason("recognition", certificate, "/catalog/frameworks/" + a.frameworkId()));
                derived = Result.COMPLIANT;
            }
            String unverified = in.unverifiedRecognition().get(a.frameworkId());
            if (unverified != null && certificate == null) {
                // Said, so the reader knows why a certificate they hold does not count yet.
                reasons.add(new Reason("recognition-unverified", unverified, "/catalog/frameworks/" + a.frameworkId()));
            }
            List<String> approved = in.approvedEvidence().getOrDefault(a.requirementId(), List.of());
            for (String title : approved) {
                reasons.add(new Reason("evidence", title, "/evidence?requirement=" + a.requirementId()));
            }
            if (!approved.isEmpty()) {
                derived = Result.COMPLIANT;
            }
            for (AssessmentInputs.Cover cover : in.coveredBy().getOrDefault(a.requirementId(), List.of())) {
                List<String> inherited = in.approvedEvidence().getOrDefault(cover.byId(), List.of());
                if (inherited.isEmpty()) {
                    continue;
                }
                reasons.add(new Reason(
                        "mapping",
                        (cover.full() ? "fully covered by " : "partly covered by ") + cover.byLabel() + ": "
                                + String.join("; ", inherited),
                        "/catalog/mappings/" + cover.mappingId()));
                derived = stronger(derived, cover.full() ? Result.COMPLIANT : Result.PARTIAL);
            }
            java.util.Set<String> layers =
                    new java.util.TreeSet<>(in.evidenceLayers().getOrDefault(a.requirementId(), java.util.Set.of()));
            if (!a.evidenceTypes().isEmpty()) {
                List<String> documented = a.evidenceTypes().stream()
                        .filter(in.documentedTypes()::containsKey)
                        .sorted()
                        .toList();
                documented.forEach(type -> layers.addAll(in.typeLayers().getOrDefault(type, java.util.Set.of())));
                for (String type : documented) {
                    reasons.add(new Reason(
                            "layer", type + ": " + in.documentedTypes().get(type), null));
                }
                if (!documented.isEmpty()) {
                    derived = stronger(
                            derived, documented.size() == a.evidenceTypes().size() ? Result.COMPLIANT : Result.PARTIAL);
                }
            }
            if (a.evidenceTypes().contains(SLA_TYPE)) {
                for (AssessmentInputs.SlaFinding finding : in.slaFindings()) {
                    reasons.add(new Reason(finding.breach() ? "sla-breach" : "sla", finding.text(), finding.link()));
                    layers.add(finding.layerId());
                    if (finding.breach() && derived.credit() > Result.PARTIAL.credit()) {
                        // A documented SLA that measured events show was missed is not met in full.
                        derived = Result.PARTIAL;
                    }
                }
            }
            for (String title : in.pendingEvidence().getOrDefault(a.requirementId(), List.of())) {
                reasons.add(new Reason("pending", title, "/evidence?requirement=" + a.requirementId()));
                derived = stronger(derived, Result.PARTIAL);
            }
            Result result = derived;
            AssessmentInputs.Override override = in.overrides().get(a.requirementId());
            if (override != null) {
                reasons.add(0, new Reason("override", override.reason() + " (" + override.by() + ")", null));
                result = override.result();
            }
            if (reasons.isEmpty()) {
                reasons.add(
                        new Reason("none", "no evidence, mapping, certificate or layer document supports it", null));
            }
            if (a.unverified() != null) {
                // Said beside the result, so nobody reads an unreviewed catalog row as settled fact.
                reasons.add(
                        new Reason("unverified-source", a.unverified(), "/catalog/requirements/" + a.requirementId()));
            }
            results.add(new RequirementResult(
                    a.requirementId(),
                    a.framework(),
                    a.ref(),
                    a.title(),
                    a.basis(),
                    a.evidenceTypes().stream().sorted().toList(),
                    result,
                    derived,
                    reasons,
                    List.copyOf(layers)));
        }
        return results;
    }

    private static Result stronger(Result a, Result b) {
        return a.credit() >= b.credit() && a != Result.NOT_ASSESSED ? a : b;
    }
}
