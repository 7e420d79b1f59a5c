package io.serviceproof.sla;

/**
 * A measured figure: the value in the SLO's unit (null when nothing was measured), its sample count,
 * how it was computed, and for rates counted from events their 95 % interval (else null).
 */
record Figure(Double value, long samples, How how, Double low, Double high) {

    Figure(Double value, long samples, How how) {
        this(value, samples, how, null, null);
    }
}
