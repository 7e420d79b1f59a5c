package io.serviceproof.assessment;

import java.util.List;

/**
 * One applicable requirement's result and its reasons.
 *
 * @param basis why the market needs it: mandatory, expected or recommended (it sets the weight)
 * @param derived what the evidence says, before any override
 * @param layers the service layers whose evidence or documents bear on it (for per-layer readiness)
 */
public record RequirementResult(
        String requirementId,
        String framework,
        String ref,
        String title,
        String basis,
        List<String> evidenceTypes,
        Result result,
        Result derived,
        List<Reason> reasons,
        List<String> layers) {

    public boolean overridden() {
        return result != derived;
    }
}
