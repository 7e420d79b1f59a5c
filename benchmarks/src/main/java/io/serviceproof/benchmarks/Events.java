package io.serviceproof.benchmarks;

import io.serviceproof.ledger.EntryDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Realistic small service-delivery events: a machine heartbeat of about 250 bytes in canonical form. */
final class Events {

    private static final Instant AT = Instant.parse("2026-11-26T08:00:00Z");

    private Events() {}

    static List<EntryDraft> batch(String prefix, long first, int size) {
        List<EntryDraft> drafts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long n = first + i;
            drafts.add(new EntryDraft(
                    prefix + n,
                    "heartbeat",
                    AT.plusMillis(n),
                    "cloud-o-and-m",
                    List.of(),
                    Map.of(
                            "machine",
                            "cnc-line-7/spindle-" + (n % 12),
                            "status",
                            "up",
                            "temperatureC",
                            41.5 + (n % 7),
                            "sequence",
                            n),
                    null));
        }
        return drafts;
    }
}
