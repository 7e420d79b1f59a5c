package io.serviceproof.tender;

import io.serviceproof.catalog.crosswalk.Coverage;
import io.serviceproof.catalog.crosswalk.Crosswalk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suggests, for one clause, what of the organisation's knowledge answers it, each with its reasons.
 * BM25 over an in-memory index of every {@link Answerable}, queried with the clause's own words
 * (English stems, Chinese words, folded words of any language), widened by the concepts the
 * {@link Glossary} finds (a Vietnamese term brings its English and Chinese equivalents; a Chinese
 * requirement title its English one); then an SLO whose promise meets a figure the clause asks for
 * ranks higher, a requirement hit brings the requirements that cover it through confirmed crosswalk
 * mappings, and an answer confirmed for the same clause text before comes first. One matcher serves
 * a whole matching run; it is not shared between threads.
 */
final class ClauseMatcher {

    /** Suggestions kept per clause. */
    static final int KEPT = 10;
    /** A suggestion is kept only if it scores at least this share of the clause's best. */
    static final double RELATIVE_FLOOR = 0.3;
    /**
     * A suggestion scoring at least this share of the clause's best is a strong one: shown first, and
     * what precision@3 counts. Weaker ones (down to the floor) are offered under them, for recall.
     */
    static final double STRONG = 0.6;

    private static final double MEETS_FIGURE = 1.5;
    /** A requirement whose whole title the clause contains: one word of title, or several. */
    private static final double NAMES_ONE_WORD_TITLE = 1.2;

    private static final double NAMES_TITLE = 1.5;
    /** A chapter heading ("A.8 Technological controls") answers less than the controls under it. */
    private static final double HEADING = 0.75;

    private static final double VIA_CROSSWALK = 0.8;

    private final Analysis analysis;
    private final Knowledge.Snapshot snapshot;
    private final Glossary glossary;
    private final AnswerableIndex index;
    private final Map<String, Terms> termsOf = new HashMap<>();

    /** An answerable's words per field, as matched terms are explained with. */
    private record Terms(Set<String> english, Set<String> chinese, Set<String> other) {}

    private final RequirementTitles titles;

    ClauseMatcher(Analysis analysis, Knowledge.Snapshot snapshot) {
        this.analysis = analysis;
        this.snapshot = snapshot;
        this.glossary = new Glossary(analysis).withBuiltIn();
        this.titles = new RequirementTitles(analysis);
        for (Answerable a : snapshot.answerables()) {
            if (a.kind() != Answerable.Kind.REQUIREMENT) {
                continue;
            }
            if (!a.chinese().isBlank()) {
                glossary.addTitles(a.title(), a.chinese(), a.label());
            }
            titles.add(a);
        }
        this.index = new AnswerableIndex(analysis, snapshot);
    }

    List<Suggestion> match(String language, String text) {
        ClauseQuery query = ClauseQuery.of(analysis, glossary, language, text);
        Map<String, Scored> scored = new LinkedHashMap<>();
        for (AnswerableIndex.Hit hit : index.search(query)) {
            Answerable a = hit.answerable();
            List<String> reasons = explain(a, query);
            // Sharing only "shall" and "supplier" with a clause is no reason to suggest anything.
            if (reasons.isEmpty()) {
                continue;
            }
            Scored s = new Scored(a, hit.score());
            s.reasons.addAll(reasons);
            scored.put(a.key(), s);
        }
        boostNamedTitles(language, text, scored);
        scored.values().stream().filter(s -> s.answerable.heading()).forEach(s -> s.score *= HEADING);
        compareFigures(text, query, scored);
        widenThroughCrosswalk(scored);
        repeatPastAnswer(text, scored);
        List<Scored> ranked = new ArrayList<>(scored.values());
        ranked.sort(Comparator.comparingDouble((Scored s) -> -s.score).thenComparing(s -> s.answerable.key()));
        double best = ranked.isEmpty() ? 0 : ranked.get(0).score;
        return ranked.stream()
                .filter(s -> s.score >= best * RELATIVE_FLOOR)
                .limit(KEPT)
                .map(s -> s.suggestion(s.score >= best * STRONG))
                .toList();
    }

    /** The words the clause and the answerable share, and the concepts that brought some of them. */
    private List<String> explain(Answerable a, ClauseQuery query) {
        Terms terms = termsOf.computeIfAbsent(
                a.key(),
                k -> new Terms(
                        new LinkedHashSet<>(analysis.english(a.english())),
                        new LinkedHashSet<>(analysis.chinese(a.chinese())),
                        new LinkedHashSet<>(analysis.folded(ClauseLanguage.ENGLISH, a.other()))));
        List<String> reasons = new ArrayList<>();
        Set<String> shared = new LinkedHashSet<>();
        query.terms().getOrDefault(Analysis.EN, Map.of()).keySet().stream()
                .filter(terms.english()::contains)
                .forEach(shared::add);
        query.terms().getOrDefault(Analysis.ZH, Map.of()).keySet().stream()
                .filter(terms.chinese()::contains)
                .forEach(shared::add);
        query.terms().getOrDefault(Analysis.OTHER, Map.of()).keySet().stream()
                .filter(terms.other()::contains)
                .forEach(shared::add);
        // One shared word ("machine") is chance; two, or a concept or title the clause names, is a reason.
        if (shared.stream().filter(term -> !ClauseQuery.isBoilerplate(term)).count() >= 2) {
            reasons.add("matched terms: " + String.join(", ", shared));
        }
        for (Glossary.Found found : query.concepts()) {
            // A concept explains a suggestion when one of its terms is there whole, not one word of it.
            boolean used = found.concept().english().stream()
                            .map(analysis::english)
                            .anyMatch(t -> !t.isEmpty() && terms.english().containsAll(t))
                    || found.concept().chinese().stream()
                            .map(analysis::chinese)
                            .anyMatch(t -> !t.isEmpty() && terms.chinese().containsAll(t));
            if (used) {
                reasons.add("\"" + found.written() + "\" read as \""
                        + found.concept().english().get(0) + "\""
                        + (found.concept().chinese().isEmpty()
                                ? ""
                                : " / " + found.concept().chinese().get(0))
                        + " (" + found.concept().source() + ")");
            }
        }
        return reasons;
    }

    /**
     * A requirement whose whole title the clause contains ("… a documented failure-response protocol
     * …" and "Failure-response protocols") is what the clause asks about; it ranks higher, and is
     * suggested even when its few words scored low.
     */
    private void boostNamedTitles(String language, String text, Map<String, Scored> scored) {
        double best = scored.values().stream().mapToDouble(s -> s.score).max().orElse(1);
        for (RequirementTitles.Named title : titles.namedIn(language, text)) {
            Scored s = scored.computeIfAbsent(
                    title.key(), k -> new Scored(snapshot.byKey().get(k), best * 0.5));
            s.score *= title.words() > 1 || title.written().length() >= 4 ? NAMES_TITLE : NAMES_ONE_WORD_TITLE;
            s.reasons.add("the clause names its title \"" + title.written() + "\"");
        }
    }

    /**
     * An SLO that promises the figure the clause asks is the most direct answer there is: it ranks
     * first. One that promises less is kept, and says so.
     */
    private void compareFigures(String text, ClauseQuery query, Map<String, Scored> scored) {
        List<Quantities.Asked> asked = Quantities.in(text);
        if (asked.isEmpty()) {
            return;
        }
        // The words the clause asks about, its own and translated: a figure is compared only with an
        // SLO of the same quantity (99.5 % of availability, not of controlled sessions).
        Set<String> about = new java.util.HashSet<>(
                query.terms().getOrDefault(Analysis.EN, Map.of()).keySet());
        query.phrases().stream().filter(p -> p.field().equals(Analysis.EN)).forEach(p -> about.addAll(p.words()));
        double best = scored.values().stream().mapToDouble(s -> s.score).max().orElse(0);
        for (Scored s : scored.values()) {
            Answerable.Objective objective = s.answerable.objective();
            if (objective == null
                    || analysis.english(objective.quantity() + " " + s.answerable.title()).stream()
                            .noneMatch(about::contains)) {
                continue;
            }
            for (Quantities.Asked figure : asked) {
                Boolean meets = Quantities.meets(objective, figure);
                if (meets == null) {
                    continue;
                }
                String promise = objective.quantity() + " " + objective.operator() + " "
                        + objective.threshold().stripTrailingZeros().toPlainString() + " " + objective.unit();
                if (meets) {
                    // Above every other hit, and among meeting SLOs still in the order their words matched.
                    s.score = best * MEETS_FIGURE + s.score;
                    s.reasons.add("asks " + figure.written() + "; the SLO promises " + promise + ": meets it");
                } else {
                    s.reasons.add("asks " + figure.written() + "; the SLO promises " + promise + ": falls short");
                    s.flags.add("the SLO promises less than the clause asks (" + figure.written() + ")");
                }
                break;
            }
        }
    }

    /** Requirements that cover a matched requirement through confirmed mappings answer it too. */
    private void widenThroughCrosswalk(Map<String, Scored> scored) {
        Crosswalk crosswalk = snapshot.crosswalk();
        List<Scored> requirements = scored.values().stream()
                .filter(s -> s.answerable.kind() == Answerable.Kind.REQUIREMENT)
                .limit(5)
                .toList();
        for (Scored hit : requirements) {
            for (Crosswalk.Link link : crosswalk.coveredBy(hit.answerable.id())) {
                if (link.coverage() == Coverage.NONE) {
                    continue;
                }
                Answerable by = snapshot.byKey().get(Answerable.Kind.REQUIREMENT.token() + ":" + link.byId());
                if (by == null) {
                    continue;
                }
                double score = hit.score * VIA_CROSSWALK * (link.coverage() == Coverage.FULL ? 1 : 0.75);
                Scored existing = scored.get(by.key());
                String reason = "crosswalk: covers " + hit.answerable.label() + " ("
                        + link.coverage().name().toLowerCase(java.util.Locale.ROOT) + ", " + link.basis() + ")";
                if (existing == null) {
                    Scored widened = new Scored(by, score);
                    widened.reasons.add(reason);
                    scored.put(by.key(), widened);
                } else if (!existing.reasons.contains(reason)) {
                    existing.reasons.add(reason);
                    existing.score = Math.max(existing.score, score);
                }
            }
        }
    }

    /** An answer confirmed for the same clause text comes first, whatever else matched. */
    private void repeatPastAnswer(String text, Map<String, Scored> scored) {
        Answerable past = snapshot.byKey().get(Answerable.Kind.PAST_ANSWER.token() + ":" + ClauseText.digest(text));
        if (past == null) {
            return;
        }
        double best = scored.values().stream().mapToDouble(s -> s.score).max().orElse(1);
        Scored repeated = scored.computeIfAbsent(past.key(), k -> new Scored(past, best));
        repeated.score = best * 1.25 + 1;
        repeated.reasons.add(
                0, "the same clause was answered \"" + past.pastAnswer().in("en") + "\" in an earlier tender");
    }

    private static final class Scored {
        final Answerable answerable;
        double score;
        final List<String> reasons = new ArrayList<>();
        final List<String> flags;

        Scored(Answerable answerable, double score) {
            this.answerable = answerable;
            this.score = score;
            this.flags = new ArrayList<>(answerable.flags());
        }

        Suggestion suggestion(boolean strong) {
            return new Suggestion(
                    answerable.kind().token(),
                    answerable.id(),
                    answerable.label(),
                    answerable.reference(),
                    Math.round(score * 100) / 100.0,
                    strong,
                    List.copyOf(reasons),
                    List.copyOf(flags),
                    answerable.pastAnswer() == null
                            ? null
                            : answerable.pastAnswer().token());
        }
    }
}
