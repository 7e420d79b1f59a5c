package io.serviceproof.sla;

import com.fasterxml.jackson.annotation.JsonValue;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a figure was computed, as a phrase with its values rather than a finished English sentence,
 * so a page or PDF can say it in the reader's language ({@code sla.how.<key>} in the message
 * bundles). Its English wording, kept here, is what the API, stored breaches and the log carry; a
 * test holds the English bundle to these same patterns.
 */
public record How(String key, List<String> args) {

    static final Map<String, String> ENGLISH = Map.of(
            "maintenance-only", "the whole period was announced maintenance",
            "outages", "{0} outage(s), {1} min down",
            "outages-maintenance", "{0} outage(s), {1} min down outside {2} min of announced maintenance",
            "share", "{0} of {1}",
            "sums", "{0} of {1} {2} in {3} reports",
            "no-values", "no {0} values in the period",
            "values", "{0} of {1} {2} values",
            "not-measurable", "''{0}'' is not measured from the event vocabulary");

    public How {
        if (!ENGLISH.containsKey(key)) {
            throw new IllegalArgumentException("no phrase " + key);
        }
        args = List.copyOf(args);
    }

    static How of(String key, Object... args) {
        return new How(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    @JsonValue
    public String english() {
        return new MessageFormat(ENGLISH.get(key), Locale.ROOT).format(args.toArray());
    }

    /** The message key pages use: {@code sla.how.<key>}. */
    public String messageKey() {
        return "sla.how." + key;
    }

    @Override
    public String toString() {
        return english();
    }
}
