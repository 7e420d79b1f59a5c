package io.serviceproof.sla;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.ledger.LedgerEntry;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.ServiceLayer;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Measures a layer's published SLA over a period from the events its producers logged for it. */
@Service
public class SlaReports {

    /** The most events one report reads; beyond it the report says it is truncated. */
    static final int MAX_EVENTS = 500_000;

    private final Offerings offerings;
    private final io.serviceproof.services.PublishedLayers published;
    private final Ledger ledger;

    SlaReports(Offerings offerings, io.serviceproof.services.PublishedLayers published, Ledger ledger) {
        this.offerings = offerings;
        this.published = published;
        this.ledger = ledger;
    }

    public SlaReport report(String layerId, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "must be after from");
        }
        ServiceLayer layer = offerings.layer(layerId);
        List<LedgerEntry> entries = ledger.entriesOfLayer(layer.code(), from, to, MAX_EVENTS + 1);
        boolean truncated = entries.size() > MAX_EVENTS;
        List<SlaEvent> events = new ArrayList<>(Math.min(entries.size(), MAX_EVENTS));
        for (LedgerEntry entry : entries.subList(0, Math.min(entries.size(), MAX_EVENTS))) {
            events.add(new SlaEvent(entry.index(), entry.type(), entry.occurredAt(), payload(entry)));
        }
        return new SlaReport(
                layerId,
                layer.code(),
                layer.name(),
                from,
                to,
                SlaMeasurement.measure(published.publishedSlos(layerId), events, from, to),
                events.size(),
                truncated);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(LedgerEntry entry) {
        try {
            Object parsed = ((Map<String, Object>) Json.parse(entry.canonicalJson())).get("payload");
            return parsed instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (JsonException e) {
            return Map.of();
        }
    }
}
