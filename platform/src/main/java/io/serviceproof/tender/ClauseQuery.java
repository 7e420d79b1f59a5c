package io.serviceproof.tender;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a tender clause asks for, as the matcher searches it: the clause's own words per field with
 * their weights, the phrases its glossary concepts translate to (matched as phrases: "incident
 * management" must not find every "... management"), and the concepts found in it.
 */
record ClauseQuery(Map<String, Map<String, Float>> terms, List<Phrase> phrases, List<Glossary.Found> concepts) {

    /** A concept's term in one field, searched as a phrase. */
    record Phrase(String field, List<String> words, float boost) {}

    private static final float OWN_WORDS = 1.0f;
    private static final float FOLDED_WORDS = 0.5f;
    private static final float FRAMEWORK_WORDS = 0.15f;
    /**
     * Words nearly every tender clause has ("The supplier shall provide …", "供应商应提供…"): kept,
     * since "supply chain" and "provision" mean something, but weighing little.
     */
    private static final float BOILERPLATE = 0.3f;

    private static final Set<String> BOILERPLATE_WORDS = Set.of(
            "shall",
            "must",
            "should",
            "suppli",
            "contractor",
            "vendor",
            "bidder",
            "tender",
            "provid",
            "ensur",
            "requir",
            "place",
            "all",
            "everi",
            "ani",
            "includ",
            "least",
            "per",
            "each",
            "供应商",
            "应",
            "提供",
            "要求",
            "应当",
            "必须",
            "须",
            "进行");

    /** A word nearly every clause has, which is no reason to suggest anything. */
    static boolean isBoilerplate(String term) {
        return BOILERPLATE_WORDS.contains(term);
    }

    /** What {@code text}, a clause in {@code language}, asks for. */
    static ClauseQuery of(Analysis analysis, Glossary glossary, String language, String text) {
        Map<String, Map<String, Float>> terms = new HashMap<>();
        boolean english = language.equals(ClauseLanguage.ENGLISH);
        List<String> own = english ? analysis.english(text) : analysis.english(acronymsAndFigures(text));
        add(terms, Analysis.EN, own, OWN_WORDS);
        add(terms, Analysis.FRAMEWORK, own, FRAMEWORK_WORDS);
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            add(terms, Analysis.ZH, analysis.chinese(text), OWN_WORDS);
        }
        add(terms, Analysis.OTHER, analysis.folded(language, text), FOLDED_WORDS);
        // Translations weigh what the clause's own words cannot: little in English, all in Vietnamese.
        float translated = english ? 0.6f : language.equals(ClauseLanguage.CHINESE) ? 0.7f : 1.0f;
        List<Phrase> phrases = new ArrayList<>();
        List<Glossary.Found> concepts = glossary.in(language, text);
        for (Glossary.Found found : concepts) {
            List<String> written = analysis.english(found.written());
            for (String term : found.concept().english()) {
                List<String> stems = analysis.english(term);
                // "security" written is not "data security": an English clause is not widened by its own words.
                if (!english || written.isEmpty() || !stems.containsAll(written)) {
                    phrases.add(new Phrase(Analysis.EN, stems, translated));
                }
            }
            for (String term : found.concept().chinese()) {
                phrases.add(new Phrase(Analysis.ZH, analysis.chinese(term), translated));
            }
        }
        return new ClauseQuery(terms, phrases, concepts);
    }

    /**
     * Of a Vietnamese or Thai clause, the words English shares with it: acronyms and names written in
     * capitals or with digits (ISO/IEC 27001, API, SLA, MTTR). Its other Latin words are Vietnamese.
     */
    private static String acronymsAndFigures(String text) {
        StringBuilder kept = new StringBuilder();
        for (String word : text.split("[\\s,;:()\\[\\]]+")) {
            if (word.length() >= 2
                    && word.chars().allMatch(c -> c < 128)
                    && word.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))
                    && word.chars().noneMatch(Character::isLowerCase)) {
                kept.append(word).append(' ');
            }
        }
        return kept.toString();
    }

    private static void add(Map<String, Map<String, Float>> terms, String field, List<String> words, float boost) {
        Map<String, Float> of = terms.computeIfAbsent(field, f -> new LinkedHashMap<>());
        for (String word : words) {
            of.merge(word, BOILERPLATE_WORDS.contains(word) ? boost * BOILERPLATE : boost, Math::max);
        }
    }
}
