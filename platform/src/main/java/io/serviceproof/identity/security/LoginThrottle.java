package io.serviceproof.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing with progressive delays instead of lockouts a stranger could trigger.
 * Failures are counted per account from one client, per account from all clients, and per client;
 * past each count's free attempts, the next attempt must wait a delay that doubles with every
 * further failure. The delay for an account from one client grows to {@code maxDelay}; for the
 * account from everywhere only to {@code maxAccountDelay}, so someone guessing from elsewhere slows
 * the real user down for at most that long and never locks them out. Counted in the database, so
 * every node behind a balancer sees the same counts: a guesser gains nothing by being sent to
 * another node (issue 21). Counts older than the window are deleted now and then.
 */
@Component
class LoginThrottle {

    /** Expired counts are deleted on every this-many failures: often enough, and never per request. */
    private static final int SWEEP_EVERY = 100;
    /** The account, from all clients together, gets this many times the free attempts of one client. */
    private static final int ACCOUNT_FREE_FACTOR = 4;

    private final Settings settings;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final AtomicLong failuresSinceSweep = new AtomicLong();

    LoginThrottle(Settings settings, Clock clock, JdbcClient jdbc) {
        this.settings = settings;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @ConfigurationProperties("serviceproof.security.login-throttle")
    record Settings(
            int freeFailures,
            int freeFailuresPerAddress,
            Duration firstDelay,
            Duration maxDelay,
            Duration maxAccountDelay,
            Duration window) {
        Settings {
            if (freeFailures < 1 || freeFailuresPerAddress < 1) {
                throw new IllegalArgumentException("login throttle needs at least one free attempt");
            }
            for (Duration d : new Duration[] {firstDelay, maxDelay, maxAccountDelay, window}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("login throttle delays and window must be positive");
                }
            }
        }
    }

    private record Failures(int count, Instant lastAt) {}

    /** How long this attempt must still wait, if at all. */
    Optional<Duration> waitFor(String email, String client) {
        Instant now = clock.instant();
        Map<String, Failures> counts = counts(pairKey(email, client), accountKey(email), clientKey(client));
        Duration wait = Duration.ZERO;
        wait = longer(
                wait, remaining(counts.get(pairKey(email, client)), settings.freeFailures(), settings.maxDelay(), now));
        wait = longer(
                wait,
                remaining(
                        counts.get(accountKey(email)),
                        settings.freeFailures() * ACCOUNT_FREE_FACTOR,
                        settings.maxAccountDelay(),
                        now));
        wait = longer(
                wait,
                remaining(counts.get(clientKey(client)), settings.freeFailuresPerAddress(), settings.maxDelay(), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void recordFailure(String email, String client) {
        Instant now = clock.instant();
        increment(pairKey(email, client), now);
        increment(accountKey(email), now);
        increment(clientKey(client), now);
        if (failuresSinceSweep.incrementAndGet() % SWEEP_EVERY == 0) {
            jdbc.sql("DELETE FROM login_failures WHERE last_at <= :expired")
                    .param("expired", now.minus(settings.window()).toEpochMilli())
                    .update();
        }
    }

    void recordSuccess(String email, String client) {
        jdbc.sql("DELETE FROM login_failures WHERE throttle_key IN (:keys)")
                .param("keys", java.util.List.of(pairKey(email, client), accountKey(email)))
                .update();
    }

    private Map<String, Failures> counts(String... keys) {
        Map<String, Failures> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT throttle_key, failures, last_at FROM login_failures WHERE throttle_key IN (:keys)")
                .param("keys", java.util.List.of(keys))
                .query((rs, row) -> counts.put(
                        rs.getString("throttle_key"),
                        new Failures(rs.getInt("failures"), Instant.ofEpochMilli(rs.getLong("last_at")))))
                .list();
        return counts;
    }

    private Duration remaining(Failures current, int free, Duration cap, Instant now) {
        if (current == null || expired(current, now) || current.count() < free) {
            return Duration.ZERO;
        }
        Duration delay = delay(current.count() - free, cap);
        Duration left = Duration.between(now, current.lastAt().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** firstDelay, doubled for each failure past the free ones, never above the cap. */
    private Duration delay(int pastFree, Duration cap) {
        Duration delay = settings.firstDelay();
        for (int i = 0; i < pastFree && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** One more failure, counted from one again when the last was longer ago than the window. */
    private void increment(String key, Instant now) {
        jdbc.sql("""
                        INSERT INTO login_failures (throttle_key, failures, last_at) VALUES (:key, 1, :now)
                        ON CONFLICT (throttle_key) DO UPDATE SET
                            failures = CASE WHEN login_failures.last_at <= :expired THEN 1
                                            ELSE login_failures.failures + 1 END,
                            last_at = :now
                        """)
                .param("key", key)
                .param("now", now.toEpochMilli())
                .param("expired", now.minus(settings.window()).toEpochMilli())
                .update();
    }

    private boolean expired(Failures entry, Instant now) {
        return !now.isBefore(entry.lastAt().plus(settings.window()));
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String normalised(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String pairKey(String email, String client) {
        return "pair:" + normalised(email) + "|" + client;
    }

    private static String accountKey(String email) {
        return "account:" + normalised(email);
    }

    private static String clientKey(String client) {
        return "client:" + client;
    }
}
