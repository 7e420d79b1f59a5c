package io.serviceproof.catalog;

import java.util.Locale;

/** What sort of document a framework is; laws and policies are kept as frameworks of obligations. */
public enum FrameworkKind {
    STANDARD,
    NATIONAL_STANDARD,
    LAW,
    POLICY,
    AGREEMENT,
    CHECKLIST;

    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static FrameworkKind fromToken(String token) {
        return valueOf(token.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
