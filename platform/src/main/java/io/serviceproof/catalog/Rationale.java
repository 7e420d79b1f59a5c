package io.serviceproof.catalog;

import java.util.Locale;

/** Why two requirements were matched: by wording, by meaning, or by outcome (NIST IR 8477). */
public enum Rationale {
    SYNTACTIC,
    SEMANTIC,
    FUNCTIONAL;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Rationale fromToken(String token) {
        try {
            return valueOf(token.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown matching rationale '" + token + "' (expected syntactic, semantic or functional)");
        }
    }
}
