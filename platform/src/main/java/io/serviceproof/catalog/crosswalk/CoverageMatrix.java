package io.serviceproof.catalog.crosswalk;

import java.util.List;

/** How far framework B covers each requirement of framework A, through counted links only. */
public record CoverageMatrix(String frameworkA, String frameworkB, List<Row> rows) {

    public record Row(String requirementId, Coverage coverage, List<Crosswalk.Link> links) {}

    public long count(Coverage coverage) {
        return rows.stream().filter(r -> r.coverage() == coverage).count();
    }

    /** Full counts 1, partial one half: the headline figure on the comparison page. */
    public double coveredShare() {
        if (rows.isEmpty()) {
            return 0;
        }
        return (count(Coverage.FULL) + 0.5 * count(Coverage.PARTIAL)) / rows.size();
    }
}
