package io.serviceproof.assessment;

import java.util.List;
import java.util.Map;

/**
 * One offering's readiness in each of its markets side by side, and the gaps shared by several
 * markets: evidence for one of those closes a gap in every market listed with it.
 */
public record MarketComparison(String offeringId, List<Column> markets, List<Unlock> unlocks) {

    public record Column(String market, double score, Map<Result, Long> counts) {}

    public record Unlock(
            String requirementId,
            String framework,
            String ref,
            String title,
            List<String> evidenceTypes,
            List<String> markets) {}
}
