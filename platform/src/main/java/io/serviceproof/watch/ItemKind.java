package io.serviceproof.watch;

/** What is tracked. */
public enum ItemKind {
    EDITION,
    AMENDMENT,
    DRAFT_IN_BALLOT,
    WITHDRAWAL,
    LAW,
    DECREE,
    SCHEME_TRANSITION,
    POLICY;

    public String token() {
        return name().toLowerCase().replace('_', '-');
    }

    public static ItemKind fromToken(String token) {
        return valueOf(token.strip().toUpperCase().replace('-', '_'));
    }
}
