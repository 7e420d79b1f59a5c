package io.serviceproof.assessment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An assessment with its results (derived now, or as frozen at sign-off) and its readiness. */
public record AssessmentView(Assessment assessment, List<RequirementResult> results, double score) {

    public Map<Result, Long> counts() {
        Map<Result, Long> counts = new TreeMap<>();
        for (Result r : Result.values()) {
            counts.put(r, results.stream().filter(x -> x.result() == r).count());
        }
        return counts;
    }

    /** The gaps to close, mandatory first: everything that is neither compliant nor not applicable. */
    public List<RequirementResult> gaps() {
        return results.stream()
                .filter(r -> r.result() != Result.COMPLIANT && r.result() != Result.NOT_APPLICABLE)
                .sorted(java.util.Comparator.comparing(
                        (RequirementResult r) -> -Readiness.WEIGHTS.getOrDefault(r.basis(), 1)))
                .toList();
    }

    /** Readiness over the requirements a layer's evidence or documents bear on. */
    public double layerScore(String layerId) {
        return Readiness.score(
                results.stream().filter(r -> r.layers().contains(layerId)).toList());
    }

    public long layerRequirements(String layerId) {
        return results.stream().filter(r -> r.layers().contains(layerId)).count();
    }
}
