package io.serviceproof.common;

import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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

    /**
     * A word the product knows by key (a role, a status, a kind). Should a bundle lack the key, the
     * token after its last dot is shown rather than failing the page that lists it.
     */
    public static Phrase term(String key) {
        return new Phrase(key, List.of());
    }

    /** What an argument-less phrase says when a bundle lacks its key: its last token. */
    public String fallback() {
        return args.isEmpty() ? key.substring(key.lastIndexOf('.') + 1) : null;
    }

    /** The phrase in English, formatted as Spring formats messages (MessageFormat only with arguments). */
    public String english() {
        if (!ENGLISH.containsKey(key) && fallback() != null) {
            return fallback();
        }
        return format(
                ENGLISH.getString(key),
                args.stream().map(a -> a instanceof Phrase p ? p.english() : a).toArray());
    }

    /** The phrase as JSON, {@code {"key":…,"args":[…]}}, for storing beside its English copy. */
    public String json() {
        try {
            return Json.canonical(tree());
        } catch (JsonException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads what {@link #json()} wrote; anything else is refused rather than half-read. */
    public static Phrase parse(String json) {
        try {
            return fromTree(Json.parse(json));
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a stored phrase: " + json, e);
        }
    }

    private Map<String, Object> tree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("key", key);
        tree.put(
                "args",
                args.stream().map(a -> a instanceof Phrase p ? p.tree() : a).toList());
        return tree;
    }

    private static Phrase fromTree(Object tree) {
        Map<?, ?> map = (Map<?, ?>) tree;
        List<Object> args = ((List<?>) map.get("args"))
                .stream()
                        .map(a -> a instanceof Map ? fromTree(a) : (Object) (String) a)
                        .toList();
        return new Phrase((String) Objects.requireNonNull(map.get("key")), args);
    }

    static String format(String pattern, Object[] args) {
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }
}
