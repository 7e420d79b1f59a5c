package io.serviceproof.tender;

import java.util.List;

/**
 * One thing that may answer a clause, ranked by {@code score} (BM25, with the boosts the reasons
 * name), with the reasons it was suggested and what citing it would need care for.
 *
 * @param kind past-answer, requirement, evidence, slo, layer, qualification or certificate
 * @param target the id of what is suggested (see {@link Answerable#id()})
 * @param strong whether it scores close to the clause's best (at least {@link ClauseMatcher#STRONG} of it):
 *     shown first; the weaker ones are offered below
 * @param reasons why, in the order found: matched terms, glossary or title translations, the
 *     crosswalk path, the figure compared, the answer it repeats
 */
public record Suggestion(
        String kind,
        String target,
        String label,
        String reference,
        double score,
        boolean strong,
        List<String> reasons,
        List<String> flags,
        String pastAnswer) {

    public String key() {
        return kind + ":" + target;
    }
}
