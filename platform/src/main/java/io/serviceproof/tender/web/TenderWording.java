package io.serviceproof.tender.web;

import io.serviceproof.tender.Answer;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says a suggestion's reasons and flags, and an answer's flags, in the reader's language.
 *
 * <p>They are recorded in English, as the matcher and the knowledge snapshot compose them, because
 * the recorded flags are part of the answer a person confirmed (and of the matrix's digest). They are
 * made of a few fixed phrases around names, terms and figures, so the page translates exactly those
 * phrases and leaves the names, terms and figures as they are (as assessment.ReasonWording does for
 * an assessment's reasons). A text that matches no phrase is shown as recorded.
 */
@Component
public class TenderWording {

    /**
     * One recorded phrase: its pattern, its message key, and how its groups become the message's
     * arguments in a locale (as they stand, unless a group is itself a fixed word).
     */
    private record Phrase(Pattern pattern, String key, BiFunction<Matcher, Locale, Object[]> arguments) {

        static Phrase of(String regex, String key) {
            return new Phrase(Pattern.compile(regex), key, (m, locale) -> groups(m));
        }

        private static Object[] groups(Matcher m) {
            Object[] groups = new Object[m.groupCount()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = m.group(i + 1);
            }
            return groups;
        }
    }

    private final MessageSource messages;
    private final List<Phrase> phrases;

    TenderWording(MessageSource messages) {
        this.messages = messages;
        // The order matters where one phrase starts like another: the certificate's record before its status.
        this.phrases = List.of(
                Phrase.of("matched terms: (.+)", "tenders.why.matchedTerms"),
                new Phrase(
                        Pattern.compile("\"(.+)\" read as \"(.+?)\"(?: / (.+?))? \\((.+)\\)"),
                        "tenders.why.readAs",
                        (m, locale) -> new Object[] {
                            m.group(1),
                            m.group(3) == null ? m.group(2) : m.group(2) + " / " + m.group(3),
                            m.group(4).equals("glossary")
                                    ? message("tenders.why.glossary", m.group(4), locale)
                                    : m.group(4)
                        }),
                Phrase.of("the clause names its title \"(.+)\"", "tenders.why.namesTitle"),
                Phrase.of("asks (.+); the SLO promises (.+): meets it", "tenders.why.meets"),
                Phrase.of("asks (.+); the SLO promises (.+): falls short", "tenders.why.fallsShort"),
                new Phrase(
                        Pattern.compile("crosswalk: covers (.+) \\((full|partial), (.+)\\)"),
                        "tenders.why.crosswalk",
                        (m, locale) -> new Object[] {
                            m.group(1), message("tenders.why.coverage." + m.group(2), m.group(2), locale), m.group(3)
                        }),
                new Phrase(
                        Pattern.compile("the same clause was answered \"(.+)\" in an earlier tender"),
                        "tenders.why.pastAnswer",
                        (m, locale) -> new Object[] {answerWord(m.group(1), locale)}),
                Phrase.of("the SLO promises less than the clause asks \\((.+)\\)", "tenders.flag.sloShort"),
                Phrase.of("answered on the person's word: nothing cited", "tenders.flag.nothingCited"),
                Phrase.of("no approved evidence linked", "tenders.flag.noEvidence"),
                Phrase.of("library entry not reviewed against its source \\[(.+)\\]", "tenders.flag.libraryUnreviewed"),
                new Phrase(
                        Pattern.compile("evidence ([a-z-]+), not approved"),
                        "tenders.flag.evidenceNotApproved",
                        (m, locale) -> new Object[] {message("evidence.status." + m.group(1), m.group(1), locale)}),
                Phrase.of("evidence expired on (\\S+)", "tenders.flag.evidenceExpired"),
                Phrase.of("evidence effective only from (\\S+)", "tenders.flag.evidenceNotYet"),
                Phrase.of("approved by its own uploader", "tenders.flag.selfApproved"),
                Phrase.of("SLO breached in the last 90 days", "tenders.flag.sloBreached"),
                Phrase.of("qualification not current today", "tenders.flag.qualificationNotCurrent"),
                Phrase.of("certificate expired on (\\S+)", "tenders.flag.certificateExpired"),
                Phrase.of("certificate record not reviewed \\[(.+)\\]", "tenders.flag.certificateUnreviewed"),
                Phrase.of("certificate (.+)", "tenders.flag.certificateStatus"));
    }

    /** The text in the locale's language; in English, the recorded text itself. */
    public String say(String text, Locale locale) {
        if (text == null || locale == null || locale.getLanguage().equals("en")) {
            return text;
        }
        for (Phrase phrase : phrases) {
            Matcher m = phrase.pattern().matcher(text);
            if (m.matches()) {
                return messages.getMessage(phrase.key(), phrase.arguments().apply(m, locale), text, locale);
            }
        }
        return text;
    }

    private String message(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }

    /** An earlier answer as the reader's language says it (Comply, 符合, …), or as recorded. */
    private static String answerWord(String english, Locale locale) {
        for (Answer answer : Answer.values()) {
            if (answer.in("en").equals(english)) {
                return answer.in(locale.getLanguage());
            }
        }
        return english;
    }
}
