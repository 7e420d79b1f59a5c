package io.serviceproof.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code maxFailures} failed sign-ins for one e-mail (or
 * {@code maxFailuresPerAddress} from one network address) within the window, further attempts are
 * refused until the window has passed. Counted in memory: a restart forgets, which is acceptable
 * for throttling (it is not the only defence: bcrypt makes each guess slow).
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @ConfigurationProperties("serviceproof.security.login-throttle")
    record Settings(int maxFailures, int maxFailuresPerAddress, Duration window) {
        Settings {
            if (maxFailures < 1 || maxFailuresPerAddress < 1 || window == null || window.isNegative()) {
                throw new IllegalArgumentException("login throttle needs positive limits and a window");
            }
        }
    }

    private record Failures(int count, Instant firstAt) {}

    boolean isBlocked(String email, String address) {
        return reached(emailKey(email), settings.maxFailures())
                || reached(addressKey(address), settings.maxFailuresPerAddress());
    }

    void recordFailure(String email, String address) {
        if (failures.size() > MAX_TRACKED_KEYS) {
            forgetExpired();
        }
        increment(emailKey(email));
        increment(addressKey(address));
    }

    void recordSuccess(String email) {
        failures.remove(emailKey(email));
    }

    private boolean reached(String key, int limit) {
        Failures current = failures.get(key);
        return current != null && !expired(current) && current.count() >= limit;
    }

    private void increment(String key) {
        failures.compute(
                key,
                (k, current) -> current == null || expired(current)
                        ? new Failures(1, clock.instant())
                        : new Failures(current.count() + 1, current.firstAt()));
    }

    private boolean expired(Failures entry) {
        return !clock.instant().isBefore(entry.firstAt().plus(settings.window()));
    }

    private void forgetExpired() {
        failures.values().removeIf(this::expired);
    }

    private static String emailKey(String email) {
        return "email:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
