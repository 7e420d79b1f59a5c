package io.serviceproof.sla;

import java.time.Instant;
import java.util.List;

/**
 * A layer's objectives measured over a period.
 *
 * @param measuredUntil the period's end, or the time of measurement while the period runs
 * @param daily each SLO's figure per day of the period (null for days without data), for charts
 * @param breaches breaches the tracker raised for the layer in this period
 * @param events how many of the layer's logged events occurred in the period
 * @param deviceSignedEvents how many of those a registered device signed (verified on arrival, and
 *     checkable offline with {@code serviceproof-verify log})
 * @param source where the figures come from: "roll-ups" (the tracker's, completed by the events it
 *     has not read yet), "log" (the log re-read), or both
 */
public record SlaReport(
        String layerId,
        String layerCode,
        String layerName,
        SlaPeriod period,
        Instant measuredUntil,
        List<SloResult> results,
        List<Series> daily,
        List<SlaBreach> breaches,
        long events,
        long deviceSignedEvents,
        String source) {

    /** One SLO's figure per day from the period's first day, with its objective's operator and threshold. */
    public record Series(String sloId, String operator, double threshold, List<Double> values) {}
}
