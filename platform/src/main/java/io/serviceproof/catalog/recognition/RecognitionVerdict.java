package io.serviceproof.catalog.recognition;

import java.util.List;

/**
 * Whether one conformity result is recognisable in one market, with every condition checked.
 * {@code recognised} is true only when every condition holds <em>and</em> every row it rests on was
 * confirmed by a reviewer; a verdict that would hold on unverified rows is {@link Outcome#UNVERIFIED},
 * names those rows, and counts for nothing. {@code statement} says what the verdict means (an
 * accreditation arrangement is not a regulation).
 */
public record RecognitionVerdict(
        String market,
        String result,
        Outcome outcome,
        List<RecognitionCheck> checks,
        List<String> unverifiedRows,
        String statement) {

    public enum Outcome {
        RECOGNISED,
        UNVERIFIED,
        NOT_RECOGNISED
    }

    public RecognitionVerdict {
        checks = List.copyOf(checks);
        unverifiedRows = List.copyOf(unverifiedRows);
    }

    /** Counts in readiness: every condition holds on reviewed rows. */
    @com.fasterxml.jackson.annotation.JsonProperty("recognised")
    public boolean recognised() {
        return outcome == Outcome.RECOGNISED;
    }
}
