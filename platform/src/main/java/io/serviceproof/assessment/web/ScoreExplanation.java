package io.serviceproof.assessment.web;

import io.serviceproof.assessment.AssessmentView;
import io.serviceproof.assessment.Readiness;
import io.serviceproof.assessment.RequirementResult;
import io.serviceproof.assessment.Result;

/**
 * The figures behind a readiness score, so the page can say how it is computed and why a layer's
 * score (over the requirements its evidence bears on) reads higher than the whole: every applicable
 * requirement counts, and those not assessed yet earn nothing.
 *
 * @param applicable requirements that count (all but not applicable)
 * @param notAssessed of those, how many have no result yet
 * @param earned weighted credit earned
 * @param possible weighted credit possible
 */
public record ScoreExplanation(long applicable, long notAssessed, double earned, int possible) {

    static ScoreExplanation of(AssessmentView view) {
        long applicable = 0;
        long notAssessed = 0;
        double earned = 0;
        int possible = 0;
        for (RequirementResult r : view.results()) {
            if (r.result() == Result.NOT_APPLICABLE) {
                continue;
            }
            int weight = Readiness.WEIGHTS.getOrDefault(r.basis(), 1);
            applicable++;
            possible += weight;
            earned += weight * r.result().credit();
            if (r.result() == Result.NOT_ASSESSED) {
                notAssessed++;
            }
        }
        return new ScoreExplanation(applicable, notAssessed, earned, possible);
    }

    /** The earned credit as the page prints it: whole numbers without a decimal point. */
    public String earnedText() {
        return earned == Math.rint(earned) ? String.valueOf((long) earned) : String.valueOf(earned);
    }
}
