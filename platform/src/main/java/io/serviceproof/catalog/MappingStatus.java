package io.serviceproof.catalog;

import java.util.Locale;

/** Only CONFIRMED mappings count in coverage and assessments; PROPOSED ones are offers. */
public enum MappingStatus {
    PROPOSED,
    CONFIRMED,
    REJECTED;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MappingStatus fromToken(String token) {
        try {
            return valueOf(token.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown mapping status '" + token + "' (expected proposed, confirmed or rejected)");
        }
    }
}
