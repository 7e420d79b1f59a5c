package io.serviceproof.assessment;

import java.util.List;
import java.util.Map;

/**
 * The readiness score: the weighted share of applicable requirements met. Weights follow why the
 * market needs a requirement — mandatory 3, expected 2, recommended 1 — and results earn compliant
 * 1, partial ½, anything else 0; not-applicable requirements leave the denominator.
 */
public final class Readiness {

    public static final Map<String, Integer> WEIGHTS = Map.of("mandatory", 3, "expected", 2, "recommended", 1);

    private Readiness() {}

    /** 0–100, or 0 with nothing applicable. */
    public static double score(List<RequirementResult> results) {
        double earned = 0;
        double possible = 0;
        for (RequirementResult r : results) {
            if (r.result() == Result.NOT_APPLICABLE) {
                continue;
            }
            int weight = WEIGHTS.getOrDefault(r.basis(), 1);
            possible += weight;
            earned += weight * r.result().credit();
        }
        return possible == 0 ? 0 : Math.round(1000 * earned / possible) / 10.0;
    }
}
