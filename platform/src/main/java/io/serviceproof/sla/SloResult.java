package io.serviceproof.sla;

import java.util.List;

/**
 * One objective measured over a period.
 *
 * @param value the measured figure in the SLO's unit (null when there was nothing to measure)
 * @param samples how many events (or incidents, reviews…) it rests on
 * @param entries log indexes of the events used (the first 50), so a reader can fetch their proofs
 * @param how what was computed, in words
 * @param low for rates counted from events (false accepts, first-time fixes…), the lower bound of the
 *     95 % Wilson interval, in the SLO's unit; null otherwise
 * @param high the upper bound
 */
public record SloResult(
        String id,
        String metric,
        String expression,
        String unit,
        Double value,
        long samples,
        Status status,
        List<Long> entries,
        How how,
        Double low,
        Double high) {

    public enum Status {
        MET,
        BREACHED,
        NO_DATA,
        NOT_MEASURABLE
    }
}
