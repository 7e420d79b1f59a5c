package io.serviceproof.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Messages logged per MQTT connection since they were last written, and when each connection last
 * logged one: counted in memory as messages arrive, written once a second rather than once a message.
 */
final class LoggedMessageCounts {

    /** What one connection logged since the last drain. */
    interface Sink {
        void received(String connectionId, long messages, Instant lastLoggedAt);
    }

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    /** When each connection last logged a message: a refusal after it is not cleared by the count. */
    private final Map<String, AtomicLong> lastLogged = new ConcurrentHashMap<>();

    void logged(String connectionId, long atMillis) {
        // The time first, so a drain that sees the count also sees a time at least as late.
        lastLogged.computeIfAbsent(connectionId, k -> new AtomicLong()).accumulateAndGet(atMillis, Math::max);
        counts.computeIfAbsent(connectionId, k -> new LongAdder()).increment();
    }

    /** Hands each connection's count since the last drain (if any) to the sink, and starts again. */
    void drain(Sink sink) {
        counts.forEach((id, count) -> {
            long n = count.sumThenReset();
            if (n > 0) {
                sink.received(id, n, Instant.ofEpochMilli(lastLogged.get(id).get()));
            }
        });
    }
}
