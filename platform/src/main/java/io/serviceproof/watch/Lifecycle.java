package io.serviceproof.watch;

/** Where a tracked item stands; a standard and a law both move along this line. */
public enum Lifecycle {
    DRAFT,
    PUBLISHED,
    IN_FORCE,
    SUPERSEDED,
    WITHDRAWN;

    public String token() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Lifecycle fromToken(String token) {
        return valueOf(token.strip().toUpperCase().replace('-', '_'));
    }
}
