package io.serviceproof.sla;

/** A measured figure: the value in the SLO's unit (null when nothing was measured), its sample count, how. */
record Figure(Double value, long samples, String how) {}
