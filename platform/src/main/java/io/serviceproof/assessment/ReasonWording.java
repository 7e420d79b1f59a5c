package io.serviceproof.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says a result's reason in the reader's language.
 *
 * <p>A reason is recorded in English, because the recorded text is what a sign-off freezes and hashes:
 * translating it at write time would make the digest depend on who signed. The engine composes that
 * text from a few fixed phrases around names and figures, so the view translates exactly those
 * phrases and leaves names, titles and numbers as they are. A text that matches no phrase (a person's
 * override reason, a certificate's own statement) is shown as written.
 */
@Component
public class ReasonWording {

    private static final Pattern NONE =
            Pattern.compile("no evidence, mapping, certificate or layer document supports it");
    private static final Pattern NO_REVIEW = Pattern.compile("no recorded review of (.+)");
    private static final Pattern REQUIREMENT_ROW = Pattern.compile("the requirement \\[(\\w+)\\]");
    private static final Pattern RULE_ROW = Pattern.compile("the (\\w+) rule making it (\\w+) \\[(\\w+)\\]");
    private static final Pattern COVERED = Pattern.compile("(fully|partly) covered by (.+?): (.+)");
    private static final Pattern APPROVED_ITEM = Pattern.compile("(.+) \\(v(\\d+), approved by (.+)\\)");
    private static final Pattern ITEM_IN_STATE = Pattern.compile("(.+) \\(v(\\d+), ([a-z-]+)\\)");
    private static final Pattern SLA_BREACHED = Pattern.compile(
            "SLA breached: (.+), (.+) \\((.+)\\) measured (.+) in the period from (\\S+); log entry #(\\d+)");
    private static final Pattern SLA_MEASURED =
            Pattern.compile("SLA measured from logged events: (.+), (\\d+) of (\\d+) objectives met in (\\S+)");
    private static final Pattern COMPETENCE = Pattern.compile("(.+): competence matrix current");

    private final MessageSource messages;

    ReasonWording(MessageSource messages) {
        this.messages = messages;
    }

    /** The reason's text in the locale's language; English is the recorded text itself. */
    public String say(Reason reason, Locale locale) {
        return say(reason.text(), locale);
    }

    public String say(String text, Locale locale) {
        if (text == null || locale == null || locale.getLanguage().equals("en")) {
            return text;
        }
        Matcher m;
        if ((m = NONE.matcher(text)).matches()) {
            return message("assessment.reasonText.none", locale);
        }
        if ((m = NO_REVIEW.matcher(text)).matches()) {
            List<String> rows = new ArrayList<>();
            for (String row : m.group(1).split(" or ")) {
                rows.add(row(row, locale));
            }
            return message(
                    "assessment.reasonText.noReview",
                    locale,
                    String.join(message("assessment.reasonText.or", locale), rows));
        }
        if ((m = COVERED.matcher(text)).matches()) {
            List<String> items = new ArrayList<>();
            for (String item : m.group(3).split("; ")) {
                items.add(item(item, locale));
            }
            return message("assessment.reasonText.covered." + m.group(1), locale, m.group(2), String.join("; ", items));
        }
        if ((m = SLA_BREACHED.matcher(text)).matches()) {
            return message(
                    "assessment.reasonText.slaBreached",
                    locale,
                    m.group(1),
                    m.group(2),
                    m.group(3),
                    m.group(4),
                    m.group(5),
                    m.group(6));
        }
        if ((m = SLA_MEASURED.matcher(text)).matches()) {
            return message("assessment.reasonText.slaMeasured", locale, m.group(1), m.group(2), m.group(3), m.group(4));
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.split("; ")) {
            parts.add(part(part, locale));
        }
        return String.join("; ", parts);
    }

    /** One of the ";"-joined parts of an evidence or layer reason. */
    private String part(String part, Locale locale) {
        Matcher m = COMPETENCE.matcher(part);
        if (m.matches()) {
            return message("assessment.reasonText.competence", locale, m.group(1));
        }
        return item(part, locale);
    }

    private String item(String item, Locale locale) {
        Matcher m = APPROVED_ITEM.matcher(item);
        if (m.matches()) {
            return message("assessment.reasonText.approvedItem", locale, m.group(1), m.group(2), m.group(3));
        }
        m = ITEM_IN_STATE.matcher(item);
        if (m.matches()) {
            String state = messages.getMessage("evidence.status." + m.group(3), null, m.group(3), locale);
            return message("assessment.reasonText.itemInState", locale, m.group(1), m.group(2), state);
        }
        return item;
    }

    private String row(String row, Locale locale) {
        Matcher m = REQUIREMENT_ROW.matcher(row);
        if (m.matches()) {
            return message("assessment.reasonText.requirementRow", locale, m.group(1));
        }
        m = RULE_ROW.matcher(row);
        if (m.matches()) {
            String basis = messages.getMessage("catalog.basis." + m.group(2), null, m.group(2), locale);
            return message("assessment.reasonText.ruleRow", locale, m.group(1), basis, m.group(3));
        }
        return row;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
