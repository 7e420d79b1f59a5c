package io.serviceproof.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing with progressive delays instead of lockouts a stranger could trigger.
 * Failures are counted per account from one client, per account from all clients, and per client;
 * past each count's free attempts, the next attempt must wait a delay that doubles with every
 * further failure. The delay for an account from one client grows to {@code maxDelay}; for the
 * account from everywhere only to {@code maxAccountDelay}, so someone guessing from elsewhere slows
 * the real user down for at most that long and never locks them out. Counted in memory: a restart
 * forgets, which is acceptable for throttling (bcrypt makes each guess slow too).
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED_KEYS = 100_000;
    /** The account, from all clients together, gets this many times the free attempts of one client. */
    private static final int ACCOUNT_FREE_FACTOR = 4;

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
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
        Duration wait = Duration.ZERO;
        wait = longer(wait, remaining(pairKey(email, client), settings.freeFailures(), settings.maxDelay(), now));
        wait = longer(
                wait,
                remaining(
                        accountKey(email),
                        settings.freeFailures() * ACCOUNT_FREE_FACTOR,
                        settings.maxAccountDelay(),
                        now));
        wait = longer(wait, remaining(clientKey(client), settings.freeFailuresPerAddress(), settings.maxDelay(), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void recordFailure(String email, String client) {
        if (failures.size() > MAX_TRACKED_KEYS) {
            forgetExpired();
        }
        increment(pairKey(email, client));
        increment(accountKey(email));
        increment(clientKey(client));
    }

    void recordSuccess(String email, String client) {
        failures.remove(pairKey(email, client));
        failures.remove(accountKey(email));
    }

    private Duration remaining(String key, int free, Duration cap, Instant now) {
        Failures current = failures.get(key);
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

    private void increment(String key) {
        Instant now = clock.instant();
        failures.compute(
                key,
                (k, current) -> current == null || expired(current, now)
                        ? new Failures(1, now)
                        : new Failures(current.count() + 1, now));
    }

    private boolean expired(Failures entry, Instant now) {
        return !now.isBefore(entry.lastAt().plus(settings.window()));
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        failures.values().removeIf(entry -> expired(entry, now));
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
