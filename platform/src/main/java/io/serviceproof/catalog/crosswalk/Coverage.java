package io.serviceproof.catalog.crosswalk;

import io.serviceproof.catalog.Relationship;

/**
 * How far satisfying one requirement satisfies another. A path is only as strong as its weakest
 * link: one partial hop makes the whole path partial.
 */
public enum Coverage {
    FULL,
    PARTIAL,
    NONE;

    /**
     * @param byRelativeToCovered the relationship of the covering requirement to the covered one
     */
    public static Coverage of(Relationship byRelativeToCovered) {
        return switch (byRelativeToCovered) {
            case EQUAL_TO, EQUIVALENT_TO, SUPERSET_OF -> FULL;
            case SUBSET_OF, INTERSECTS_WITH -> PARTIAL;
            case NO_RELATIONSHIP -> NONE;
        };
    }

    public Coverage weakest(Coverage other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    public Coverage strongest(Coverage other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
