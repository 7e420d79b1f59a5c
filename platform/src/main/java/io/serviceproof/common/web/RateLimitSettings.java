package io.serviceproof.common.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests each class of request may make per client (see {@link RateLimitRules}): a
 * token bucket per key that holds {@code requests} tokens and refills them evenly over {@code per}
 * (in memory), or a count per fixed window of {@code per} (in the database, {@code store=database}).
 */
@ConfigurationProperties("serviceproof.rate-limits")
public record RateLimitSettings(
        boolean enabled,
        String store,
        Limit verify,
        Limit publicReads,
        Limit expensive,
        Limit ledgerAppends,
        Limit writes,
        Limit reads) {

    public record Limit(long requests, Duration per) {

        public Limit {
            if (requests < 1 || per == null || per.isZero() || per.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs at least one request over a positive period");
            }
        }
    }
}
