package io.serviceproof.sla;

import io.serviceproof.services.PublishedSlo;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.time.Instant;
import java.util.Map;

/** How tallies are stored: their state as canonical JSON, keyed by what the state depends on. */
final class TallyStates {

    private TallyStates() {}

    /** What a tally's state depends on (quantity, aggregate, window, exclusions); a change starts a new tally. */
    static String definition(PublishedSlo slo) {
        return slo.quantity() + "|" + slo.aggregate() + "|" + slo.window() + "|" + slo.exclusions();
    }

    static String json(Tally tally) {
        try {
            return Json.canonical(tally.state());
        } catch (JsonException e) {
            throw new IllegalStateException("a tally's state is plain JSON data", e);
        }
    }

    /** The tally of {@code slo} over [from, to) as it was stored. */
    static Tally restored(PublishedSlo slo, Instant from, Instant to, String state) {
        Tally tally = SlaMeasurement.tallyFor(slo, from, to, false);
        tally.restore(parse(state));
        return tally;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String state) {
        try {
            return (Map<String, Object>) Json.parse(state);
        } catch (JsonException e) {
            throw new IllegalStateException("a stored tally is not JSON", e);
        }
    }
}
