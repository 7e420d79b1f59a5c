package io.serviceproof.sla;

import java.time.Instant;
import java.util.List;

/**
 * A layer's objectives measured over [from, to).
 *
 * @param events how many of the layer's logged events in the period were read
 * @param truncated true when the period held more events than one report reads
 */
public record SlaReport(
        String layerId,
        String layerCode,
        String layerName,
        Instant from,
        Instant to,
        List<SloResult> results,
        int events,
        boolean truncated) {}
