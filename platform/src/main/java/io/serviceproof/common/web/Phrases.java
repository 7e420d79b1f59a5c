package io.serviceproof.common.web;

import io.serviceproof.common.Phrase;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Says a {@link Phrase} in a reader's language; templates call it as {@code @phrases.say(p, #locale)}. */
@Component("phrases")
public class Phrases {

    private final MessageSource messages;

    Phrases(MessageSource messages) {
        this.messages = messages;
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
