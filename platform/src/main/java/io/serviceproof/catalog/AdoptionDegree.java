package io.serviceproof.catalog;

/** ISO/IEC Guide 21-1 degrees of correspondence of a national adoption. */
public enum AdoptionDegree {
    /** Identical: the national text is the international one, so requirements match one to one. */
    IDT,
    /** Modified: technical deviations, each stated. */
    MOD,
    /** Not equivalent. */
    NEQ
}
