package io.serviceproof.common.web;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.Phrase;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Says a {@link Phrase} in a reader's language; templates call it as {@code @phrases.say(p, #locale)}. */
@Component("phrases")
public class Phrases {

    private final MessageSource messages;

    Phrases(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * What a form says beside itself when the domain refuses its input: the field's name and the rule,
     * in the reader's language where the rule was thrown as a phrase, else the English as thrown.
     */
    public String problem(RuntimeException refused, Locale locale) {
        if (refused instanceof InvalidInputException invalid && invalid.wording() != null) {
            Map.Entry<String, String> field =
                    invalid.fieldErrors().entrySet().iterator().next();
            return say(Phrase.of("problem.field", Phrase.term("field." + field.getKey()), invalid.wording()), locale);
        }
        if (refused instanceof ConflictException conflict && conflict.wording() != null) {
            return say(conflict.wording(), locale);
        }
        return refused.getMessage();
    }

    public String say(Phrase phrase, Locale locale) {
        if (phrase == null) {
            return "";
        }
        Object[] args = phrase.args().stream()
                .map(a -> a instanceof Phrase p ? say(p, locale) : a)
                .toArray();
        String said = messages.getMessage(phrase.key(), args, phrase.fallback(), locale);
        return said == null ? phrase.key() : said;
    }
}
