package io.serviceproof.common;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A sentence the product generates, kept as its message key and arguments so that each reader gets
 * it in their language, while the API and any recorded copy keep the English of the base bundle.
 * An argument may itself be a phrase (a clause inside a sentence); anything else is data (names,
 * dates, identifiers) and is shown as it is.
 */
public record Phrase(String key, List<Object> args) {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("messages", Locale.ROOT);

    public Phrase {
        args = List.copyOf(args);
    }

    public static Phrase of(String key, Object... args) {
        return new Phrase(
                key,
                Arrays.stream(args)
                        .map(a -> a instanceof Phrase ? a : String.valueOf(a))
                        .toList());
    }

    /** The phrase in English, formatted as Spring formats messages (MessageFormat only with arguments). */
    public String english() {
        return format(
                ENGLISH.getString(key),
                args.stream().map(a -> a instanceof Phrase p ? p.english() : a).toArray());
    }

    static String format(String pattern, Object[] args) {
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }
}
