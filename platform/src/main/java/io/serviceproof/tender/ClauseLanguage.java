package io.serviceproof.tender;

import java.lang.Character.UnicodeScript;

/**
 * The language of one clause, told by its script: Han → zh, Thai → th, Latin with Vietnamese letters
 * (ă â đ ê ô ơ ư, or a vowel with a Vietnamese tone mark) → vi, other Latin → en. A tender mixes
 * languages clause by clause (an English spec line in a Vietnamese sheet), so each clause is told
 * apart; scripts are unambiguous where statistics on a 20-word line are not.
 */
final class ClauseLanguage {

    static final String ENGLISH = "en";
    static final String CHINESE = "zh";
    static final String VIETNAMESE = "vi";
    static final String THAI = "th";

    /** Letters only Vietnamese uses among the languages we read (lower case, composed). */
    private static final String VIETNAMESE_LETTERS = "ăâđêôơư";

    private ClauseLanguage() {}

    static String of(String text) {
        int han = 0;
        int thai = 0;
        int latin = 0;
        int vietnamese = 0;
        String composed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
        for (int i = 0; i < composed.length(); ) {
            int c = composed.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            UnicodeScript script = UnicodeScript.of(c);
            if (script == UnicodeScript.HAN) {
                han++;
            } else if (script == UnicodeScript.THAI) {
                thai++;
            } else if (script == UnicodeScript.LATIN) {
                latin++;
                int lower = Character.toLowerCase(c);
                // U+1EA0–U+1EF9 are the Latin letters with Vietnamese tone marks (ạ ả ấ … ỹ).
                if (VIETNAMESE_LETTERS.indexOf(lower) >= 0 || (lower >= 0x1EA0 && lower <= 0x1EF9)) {
                    vietnamese++;
                }
            }
        }
        // A Chinese clause often names a standard in Latin letters ("符合ISO/IEC 27001"): Han decides.
        if (han > 0 && han * 3 >= latin) {
            return CHINESE;
        }
        if (thai > 0 && thai * 3 >= latin) {
            return THAI;
        }
        if (vietnamese > 0) {
            return VIETNAMESE;
        }
        return ENGLISH;
    }

    /** The language most clauses are in, for the answer words and the annex; English for a tie or none. */
    static String ofTender(java.util.List<String> clauseLanguages) {
        java.util.Map<String, Long> counts = clauseLanguages.stream()
                .collect(java.util.stream.Collectors.groupingBy(l -> l, java.util.stream.Collectors.counting()));
        return counts.entrySet().stream()
                .filter(e -> !e.getKey().equals(ENGLISH))
                .filter(e -> e.getValue() > counts.getOrDefault(ENGLISH, 0L))
                .max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey)
                .orElse(ENGLISH);
    }
}
