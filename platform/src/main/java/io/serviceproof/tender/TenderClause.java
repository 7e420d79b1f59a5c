package io.serviceproof.tender;

import java.time.Instant;
import java.util.List;

/**
 * One clause of a tender, where the buyer put it, with what matching suggested and what a person
 * answered. Nothing is answered until a person confirms: {@code answer} is null until then.
 *
 * @param row the 0-based row in its sheet (or line of pasted text)
 * @param suggestions ranked, from the last matching run (empty before it)
 * @param chosen the keys ({@link Suggestion#key()}) of the suggestions the answer rests on
 * @param flags what the chosen matches need care for (stale, unverified, breached), at confirmation
 * @param actionId the step of an assessment's action plan that closes this gap (null if none)
 */
public record TenderClause(
        String id,
        int position,
        String sheet,
        int row,
        String number,
        String text,
        String language,
        String textDigest,
        List<Suggestion> suggestions,
        Answer answer,
        List<String> chosen,
        String references,
        String remarks,
        List<String> flags,
        String answeredBy,
        Instant answeredAt,
        String actionId,
        String actionAssessmentId) {

    /** A clause as imported: not matched, not answered. */
    static TenderClause listed(
            String id,
            int position,
            String sheet,
            int row,
            String number,
            String text,
            String language,
            String digest) {
        return new TenderClause(
                id, position, sheet, row, number, text, language, digest, null, null, List.of(), null, null, List.of(),
                null, null, null, null);
    }

    /** The clause answered as a person confirmed it (its suggestions and action stay). */
    TenderClause answeredAs(
            Answer answer,
            List<String> chosen,
            String references,
            String remarks,
            List<String> flags,
            String answeredBy,
            Instant answeredAt) {
        return new TenderClause(
                id,
                position,
                sheet,
                row,
                number,
                text,
                language,
                textDigest,
                suggestions,
                answer,
                chosen,
                references,
                remarks,
                flags,
                answeredBy,
                answeredAt,
                actionId,
                actionAssessmentId);
    }

    /** The clause with its answer taken back. */
    TenderClause unanswered() {
        return answeredAs(null, List.of(), null, null, List.of(), null, null);
    }

    public boolean answered() {
        return answer != null;
    }

    /** Whether a step of an action plan could close it: a gap, or an answer short of compliance. */
    public boolean needsAction() {
        return gap() || answer == Answer.PARTIAL;
    }

    /** A gap: answered as not complied with, or matched to nothing at all. */
    public boolean gap() {
        return answer == Answer.NOT_COMPLY || (answer == null && suggestions != null && suggestions.isEmpty());
    }
}
