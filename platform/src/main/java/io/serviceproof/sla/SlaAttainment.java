package io.serviceproof.sla;

import io.serviceproof.services.PublishedLayers;
import io.serviceproof.services.PublishedSlo;
import io.serviceproof.services.ServiceLayer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What assessments read of measured service levels: per layer, how many of its objectives were met
 * in their last closed period, and the breaches of recent periods. Both come from the tracker's
 * stored tallies and breaches, so an assessment never re-reads the log.
 */
@Service
public class SlaAttainment {

    /** How far back breaches count as open nonconformities. */
    public static final Duration RECENT = Duration.ofDays(90);

    private final PublishedLayers published;
    private final SlaStore store;
    private final Clock clock;

    SlaAttainment(PublishedLayers published, SlaStore store, Clock clock) {
        this.published = published;
        this.store = store;
        this.clock = clock;
    }

    /**
     * A layer's objectives in their last closed period.
     *
     * @param met objectives whose final figure meets them
     * @param measured objectives with a figure (the tracker saw events for them)
     * @param published measurable objectives the layer publishes
     */
    public record LayerAttainment(ServiceLayer layer, String period, int met, int measured, int published) {}

    public LayerAttainment lastClosedPeriod(ServiceLayer layer) {
        Instant now = clock.instant();
        int met = 0;
        int measured = 0;
        int measurable = 0;
        String label = null;
        for (PublishedSlo slo : published.publishedSlos(layer.id())) {
            SlaPeriod period = SlaPeriod.containing(slo.window(), now).previous();
            if (SlaMeasurement.tallyFor(slo, period.from(), period.to(), false) == null) {
                continue;
            }
            measurable++;
            label = label == null ? period.label() : label;
            var saved = store.tally(layer.id(), slo.id(), period);
            if (saved.isEmpty() || !saved.get().definition().equals(TallyStates.definition(slo))) {
                continue;
            }
            Figure figure = TallyStates.restored(
                            slo, period.from(), period.to(), saved.get().state())
                    .figure(period.to());
            if (figure.value() != null) {
                measured++;
                if (slo.met(Math.round(figure.value() * 1000) / 1000.0)) {
                    met++;
                }
            }
        }
        return new LayerAttainment(layer, label, met, measured, measurable);
    }

    /** Breaches of the layers in periods that overlap the last {@link #RECENT} days. */
    public List<SlaBreach> recentBreaches(List<ServiceLayer> layers) {
        Instant now = clock.instant();
        return store.breaches(
                new ArrayList<>(layers.stream().map(ServiceLayer::id).toList()), now.minus(RECENT), now);
    }
}
