package io.serviceproof.catalog;

import java.util.Locale;

/**
 * What sort of document a framework is; laws and policies are kept as frameworks of obligations. A
 * technical regulation (a product-conformity regime: type approval, marking) is binding like a law
 * but concerns the equipment, so data flows never engage it.
 */
public enum FrameworkKind {
    STANDARD,
    NATIONAL_STANDARD,
    LAW,
    TECHNICAL_REGULATION,
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
