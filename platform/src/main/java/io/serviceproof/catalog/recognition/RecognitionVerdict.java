package io.serviceproof.catalog.recognition;

import java.util.List;

/**
 * Whether one conformity result is recognisable in one market, with every condition checked.
 * {@code recognised} is true only when every condition holds <em>and</em> every row it rests on was
 * confirmed by a reviewer; a verdict that would hold on unverified rows is {@link Outcome#UNVERIFIED},
 * names those rows, and counts for nothing. {@code statement} says what the verdict means (an
 * accreditation arrangement is not a regulation), in English; {@code said} is the same as a phrase.
 */
public record RecognitionVerdict(
        String market,
        String result,
        Outcome outcome,
        List<RecognitionCheck> checks,
        List<String> unverifiedRows,
        String statement,
        @com.fasterxml.jackson.annotation.JsonIgnore io.serviceproof.common.Phrase said) {

    public enum Outcome {
        RECOGNISED,
        UNVERIFIED,
        NOT_RECOGNISED
    }

    public RecognitionVerdict(
            String market,
            String result,
            Outcome outcome,
            List<RecognitionCheck> checks,
            List<String> unverifiedRows,
            io.serviceproof.common.Phrase said) {
        this(market, result, outcome, checks, unverifiedRows, said.english(), said);
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
