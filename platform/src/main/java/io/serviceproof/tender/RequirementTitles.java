package io.serviceproof.tender;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The library's requirement titles, to find one named whole in a clause: English titles as stems
 * ("Failure-response protocols" in "… a documented failure-response protocol …"), Chinese titles of
 * three characters or more as written. Looked up by a title's first stem or first two characters.
 */
final class RequirementTitles {

    /** A title found: the requirement's answerable key, the title as written, and how many words. */
    record Named(String key, String written, int words) {}

    private record Title(List<String> stems, String key, String written) {}

    private final Analysis analysis;
    private final Map<String, List<Title>> byFirstStem = new HashMap<>();
    private final Map<String, List<Title>> chineseByFirstTwo = new HashMap<>();

    RequirementTitles(Analysis analysis) {
        this.analysis = analysis;
    }

    void add(Answerable requirement) {
        String zh = requirement.chinese().strip();
        if (zh.length() >= 3) {
            chineseByFirstTwo
                    .computeIfAbsent(zh.substring(0, 2), k -> new ArrayList<>())
                    .add(new Title(List.of(zh), requirement.key(), zh));
        }
        List<String> stems = analysis.english(requirement.title());
        if (!stems.isEmpty()) {
            byFirstStem
                    .computeIfAbsent(stems.get(0), k -> new ArrayList<>())
                    .add(new Title(stems, requirement.key(), requirement.title()));
        }
    }

    /** The titles the clause names whole, each requirement once (English titles in English clauses only). */
    List<Named> namedIn(String language, String text) {
        Map<String, Title> named = new LinkedHashMap<>();
        if (language.equals(ClauseLanguage.ENGLISH)) {
            List<String> stems = analysis.english(text);
            for (int i = 0; i < stems.size(); i++) {
                for (Title title : byFirstStem.getOrDefault(stems.get(i), List.of())) {
                    if (Glossary.startsAt(stems, i, title.stems())) {
                        named.putIfAbsent(title.key(), title);
                    }
                }
            }
        }
        for (int i = 0; i + 1 < text.length(); i++) {
            for (Title title : chineseByFirstTwo.getOrDefault(text.substring(i, i + 2), List.of())) {
                if (text.startsWith(title.written(), i)) {
                    named.putIfAbsent(title.key(), title);
                }
            }
        }
        return named.values().stream()
                .map(t -> new Named(t.key(), t.written(), t.stems().size()))
                .toList();
    }
}
