package io.serviceproof.common.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per key in this node's memory, holding {@code requests} tokens refilled evenly over
 * {@code per}. Buckets are bounded in number (the least recently used are dropped, and a dropped
 * bucket is a full one, so forgetting only ever errs toward letting a client through).
 */
final class MemoryBuckets implements RateLimitCounter {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final Cache<String, Bucket> buckets;

    /** @param longest the longest period of any limit: unused that long, a bucket has refilled */
    MemoryBuckets(Duration longest) {
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED_CLIENTS)
                .expireAfterAccess(longest)
                .build();
    }

    @Override
    public OptionalLong take(String key, RateLimitSettings.Limit limit) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(limit.requests())
                                .refillGreedy(limit.requests(), limit.per())
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
    }
}
