package io.serviceproof.catalog;

import java.util.Arrays;

/**
 * OSCAL 1.2 mapping relationships (NIST IR 8477 set theory). The token describes the source
 * relative to the target: "A subset-of B" means everything A asks, B asks too.
 */
public enum Relationship {
    EQUIVALENT_TO("equivalent-to"),
    EQUAL_TO("equal-to"),
    SUBSET_OF("subset-of"),
    SUPERSET_OF("superset-of"),
    INTERSECTS_WITH("intersects-with"),
    NO_RELATIONSHIP("no-relationship");

    private final String token;

    Relationship(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Relationship fromToken(String token) {
        return Arrays.stream(values())
                .filter(r -> r.token.equals(token))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown relationship '" + token
                        + "' (expected one of equivalent-to, equal-to, subset-of, superset-of, "
                        + "intersects-with, no-relationship)"));
    }

    /** The same fact stated from the target's side. */
    public Relationship inverse() {
        return switch (this) {
            case SUBSET_OF -> SUPERSET_OF;
            case SUPERSET_OF -> SUBSET_OF;
            default -> this;
        };
    }
}
