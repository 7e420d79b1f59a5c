package io.serviceproof.common.web;

import io.serviceproof.common.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A count per key and fixed window in the database, shared by every node: one upsert per request,
 * which locks only that client's row, so clients never wait for each other. A fixed window lets a
 * client spend its allowance at the end of one window and again at the start of the next (at most
 * twice the limit over one period); the memory buckets of a single node smooth that, the fleet
 * trades it for one statement per request. Keys are stored as SHA-256 digests: the table holds no
 * e-mail or address.
 */
class DatabaseWindows implements RateLimitCounter {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration longest;

    DatabaseWindows(JdbcClient jdbc, Clock clock, Duration longest) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.longest = longest;
    }

    @Override
    public OptionalLong take(String key, RateLimitSettings.Limit limit) {
        long now = clock.millis();
        long period = limit.per().toMillis();
        long windowStart = now - Math.floorMod(now, period);
        long used = jdbc.sql("""
                        INSERT INTO rate_limit_windows (bucket, window_start, requests) VALUES (:bucket, :start, 1)
                        ON CONFLICT (bucket, window_start) DO UPDATE SET requests = rate_limit_windows.requests + 1
                        RETURNING requests
                        """)
                .param("bucket", Sha256.hex(key))
                .param("start", windowStart)
                .query(Long.class)
                .single();
        if (used <= limit.requests()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (windowStart + period - now + 999) / 1000));
    }

    /** Windows past the longest period count for nothing; one node deletes them each minute. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    @SchedulerLock(name = "rate-limit-windows", lockAtMostFor = "PT5M")
    void deleteOldWindows() {
        jdbc.sql("DELETE FROM rate_limit_windows WHERE window_start < :before")
                .param("before", clock.millis() - 2 * longest.toMillis())
                .update();
    }
}
