package io.serviceproof.sla;

import java.time.Instant;

/**
 * An SLO a layer missed in a period, as the tracker detected it.
 *
 * @param measured the figure when detected (for availability, the best the period could still reach)
 * @param lastIndex the log index of the last event fed before detection
 * @param ledgerIndex the log index of the breach's own {@code sla.breach} entry
 */
public record SlaBreach(
        String id,
        String layerId,
        String sloId,
        String metric,
        String expression,
        String unit,
        Instant periodStart,
        Instant periodEnd,
        Double measured,
        long samples,
        String how,
        Instant detectedAt,
        long lastIndex,
        long ledgerIndex) {}
