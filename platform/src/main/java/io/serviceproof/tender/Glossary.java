package io.serviceproof.tender;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terms that say the same thing across the languages tenders come in, so a Vietnamese or Thai clause
 * finds English and Chinese answers. Concepts come from our domain glossary
 * ({@code tender/glossary.tsv}: English, Chinese, Vietnamese and Thai terms of service levels,
 * security, data protection, maintenance and certification) and from the library's bilingual
 * requirement titles (an English title and its Chinese title are one concept). A clause's concepts
 * are found by their folded word sequences (Chinese: by substring, as smartcn may cut a term
 * differently inside a sentence), through maps keyed by a term's first word or first two characters.
 */
final class Glossary {

    /** A concept: its English and Chinese terms, and where it comes from (for the reasons shown). */
    record Concept(List<String> english, List<String> chinese, String source) {}

    /** A concept found in a clause, by the words written there. */
    record Found(Concept concept, String written) {}

    private record WordTerm(List<String> words, Concept concept, String written) {}

    private record HanTerm(String text, Concept concept) {}

    private final Analysis analysis;
    /** Vietnamese and Thai terms by their first word, diacritics kept. */
    private final Map<String, List<WordTerm>> byFirstWord = new HashMap<>();
    /** The same folded: a Vietnamese clause typed without diacritics is read as Latin text. */
    private final Map<String, List<WordTerm>> byFirstFolded = new HashMap<>();
    /** English terms by their first stem: "agreements" finds "non-disclosure agreement". */
    private final Map<String, List<WordTerm>> byFirstStem = new HashMap<>();

    private final Map<String, List<HanTerm>> byFirstTwo = new HashMap<>();

    Glossary(Analysis analysis) {
        this.analysis = analysis;
    }

    /** One glossary line: English, Chinese, Vietnamese, Thai; variants separated by '|'. */
    private record BuiltIn(String[] columns) {
        Concept concept() {
            return new Concept(variants(0), variants(1), "glossary");
        }

        List<String> variants(int column) {
            return column < columns.length && !columns[column].isBlank()
                    ? List.of(columns[column].strip().split("\\s*\\|\\s*"))
                    : List.of();
        }
    }

    /** Adds the built-in glossary, with its Vietnamese and Thai terms. */
    Glossary withBuiltIn() {
        try (InputStream in = Glossary.class.getResourceAsStream("/tender/glossary.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                BuiltIn row = new BuiltIn(line.split("\t", -1));
                Concept concept = row.concept();
                add(concept, row.variants(0), "en");
                row.variants(1).forEach(zh -> addHan(zh, concept));
                add(concept, row.variants(2), ClauseLanguage.VIETNAMESE);
                add(concept, row.variants(3), ClauseLanguage.THAI);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Adds a requirement's English and Chinese titles as one concept. */
    void addTitles(String english, String chinese, String source) {
        Concept concept = new Concept(List.of(english), List.of(chinese), source);
        // Short titles ("Competence", "能力") are words every clause uses: they would translate noise.
        if (chinese.codePointCount(0, chinese.length()) >= 4) {
            addHan(chinese, concept);
        }
        if (english.split("\\s+").length >= 3) {
            add(concept, List.of(english), "en");
        }
    }

    private void add(Concept concept, List<String> terms, String language) {
        boolean english = language.equals(ClauseLanguage.ENGLISH);
        for (String term : terms) {
            if (english) {
                index(byFirstStem, analysis.english(term), concept, term);
            } else {
                index(byFirstWord, analysis.words(language, term), concept, term);
                index(byFirstFolded, analysis.folded(language, term), concept, term);
            }
        }
    }

    private static void index(Map<String, List<WordTerm>> byFirst, List<String> words, Concept concept, String term) {
        if (!words.isEmpty()) {
            byFirst.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(new WordTerm(words, concept, term));
        }
    }

    private void addHan(String term, Concept concept) {
        String t = term.strip();
        if (t.length() >= 2) {
            byFirstTwo
                    .computeIfAbsent(t.substring(0, 2), k -> new ArrayList<>())
                    .add(new HanTerm(t, concept));
        }
    }

    /**
     * The concepts a clause names, each once. Where terms overlap the longest wins: "an toàn thông
     * tin" is information security, not also the "an toàn" (safety) inside it.
     */
    List<Found> in(String language, String text) {
        List<Candidate> candidates = new ArrayList<>();
        boolean latin = language.equals(ClauseLanguage.ENGLISH);
        find(candidates, Space.WORDS, analysis.words(language, text), byFirstWord);
        if (latin) {
            find(candidates, Space.FOLDED, analysis.folded(language, text), byFirstFolded);
        }
        find(candidates, Space.STEMS, analysis.english(text), byFirstStem);
        for (int i = 0; i + 1 < text.length(); i++) {
            List<HanTerm> terms = byFirstTwo.get(text.substring(i, i + 2));
            if (terms == null) {
                continue;
            }
            for (HanTerm term : terms) {
                if (text.startsWith(term.text(), i)) {
                    candidates.add(
                            new Candidate(Space.CHARACTERS, i, term.text().length(), term.concept(), term.text()));
                }
            }
        }
        candidates.sort(java.util.Comparator.comparingInt(Candidate::length).reversed());
        Map<Space, java.util.BitSet> claimedIn = new java.util.EnumMap<>(Space.class);
        Map<Concept, Found> found = new java.util.LinkedHashMap<>();
        for (Candidate c : candidates) {
            java.util.BitSet claimed = claimedIn.computeIfAbsent(c.space(), k -> new java.util.BitSet());
            if (claimed.get(c.start(), c.start() + c.length()).cardinality() == c.length()) {
                continue;
            }
            claimed.set(c.start(), c.start() + c.length());
            found.putIfAbsent(c.concept(), new Found(c.concept(), c.written()));
        }
        return new ArrayList<>(found.values());
    }

    private static void find(
            List<Candidate> candidates, Space space, List<String> words, Map<String, List<WordTerm>> byFirst) {
        for (int i = 0; i < words.size(); i++) {
            for (WordTerm term : byFirst.getOrDefault(words.get(i), List.of())) {
                if (startsAt(words, i, term.words())) {
                    candidates.add(new Candidate(space, i, term.words().size(), term.concept(), term.written()));
                }
            }
        }
    }

    /** Where a term's position counts: words, folded words, English stems, or (Chinese) characters. */
    private enum Space {
        WORDS,
        FOLDED,
        STEMS,
        CHARACTERS
    }

    /** A term found at a position of its space. */
    private record Candidate(Space space, int start, int length, Concept concept, String written) {}

    /** Whether {@code term} occurs in {@code words} at {@code at}, word for word. */
    static boolean startsAt(List<String> words, int at, List<String> term) {
        if (at + term.size() > words.size()) {
            return false;
        }
        for (int j = 0; j < term.size(); j++) {
            if (!words.get(at + j).equals(term.get(j))) {
                return false;
            }
        }
        return true;
    }

    /** Distinct English and Chinese terms of the concepts found. */
    static Set<String> englishOf(List<Found> found) {
        Set<String> terms = new LinkedHashSet<>();
        found.forEach(f -> terms.addAll(f.concept().english()));
        return terms;
    }

    static Set<String> chineseOf(List<Found> found) {
        Set<String> terms = new LinkedHashSet<>();
        found.forEach(f -> terms.addAll(f.concept().chinese()));
        return terms;
    }
}
