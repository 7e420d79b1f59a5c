package io.serviceproof.common.web;

import java.util.OptionalLong;

/**
 * Counts a client's requests of one class against its limit: in this node's memory (one node) or
 * in the database every node shares ({@code serviceproof.rate-limits.store=database}), so that a
 * balancer spreading one client over N nodes does not give it N times its allowance.
 */
interface RateLimitCounter {

    /** Takes one request from the key's allowance: empty if allowed, else the seconds until a retry may pass. */
    OptionalLong take(String key, RateLimitSettings.Limit limit);
}
