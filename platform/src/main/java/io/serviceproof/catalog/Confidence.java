package io.serviceproof.catalog;

import java.util.Locale;

/** OSCAL confidence-score categories. */
public enum Confidence {
    HIGH,
    MEDIUM,
    LOW,
    UNSPECIFIED;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Confidence fromToken(String token) {
        try {
            return valueOf(token.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown confidence '" + token + "' (expected high, medium, low or unspecified)");
        }
    }
}
