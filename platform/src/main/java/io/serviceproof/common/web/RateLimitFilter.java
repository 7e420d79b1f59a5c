package io.serviceproof.common.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.serviceproof.common.web.RateLimitRules.LimitClass;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with Retry-After once a client has used up its requests of a class (see
 * {@link RateLimitRules}). It runs just after sign-in is checked, so a signed-in user or token is
 * counted as themselves wherever they connect from, and everyone else by network address (the
 * address Tomcat resolved past trusted proxies only). Requests refused by authentication never reach
 * it and cost the server nothing; sign-in attempts are slowed by their own throttle.
 *
 * <p>Buckets live in memory, bounded in number (the least recently used are dropped, and a dropped
 * bucket is a full one, so forgetting only ever errs toward letting a client through).
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimitFilter extends OncePerRequestFilter {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final boolean enabled;
    private final Map<LimitClass, RateLimitSettings.Limit> limits = new EnumMap<>(LimitClass.class);
    private final Cache<String, Bucket> buckets;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    RateLimitFilter(RateLimitSettings settings) {
        this.enabled = settings.enabled();
        limits.put(LimitClass.VERIFY, settings.verify());
        limits.put(LimitClass.PUBLIC_READS, settings.publicReads());
        limits.put(LimitClass.EXPENSIVE, settings.expensive());
        limits.put(LimitClass.LEDGER_APPENDS, settings.ledgerAppends());
        limits.put(LimitClass.WRITES, settings.writes());
        limits.put(LimitClass.READS, settings.reads());
        Duration longest = limits.values().stream()
                .map(RateLimitSettings.Limit::per)
                .max(Duration::compareTo)
                .orElseThrow();
        // Past its longest period unused, a bucket has refilled: dropping it changes nothing.
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED_CLIENTS)
                .expireAfterAccess(longest)
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LimitClass limitClass = RateLimitRules.classify(request);
        RateLimitSettings.Limit limit = limits.get(limitClass);
        Bucket bucket = buckets.get(limitClass + " " + client(request), key -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        refuse(request, response, limitClass, limit, retryAfter);
    }

    private String client(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && !trust.isAnonymous(authentication)) {
            return "user " + authentication.getName();
        }
        return "address " + request.getRemoteAddr();
    }

    private static Bucket newBucket(RateLimitSettings.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.requests())
                        .refillGreedy(limit.requests(), limit.per())
                        .build())
                .build();
    }

    private static void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            LimitClass limitClass,
            RateLimitSettings.Limit limit,
            long retryAfter)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfter));
        if (!ApiRequests.isApi(request)) {
            // The error page explains it in the visitor's language.
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType("application/problem+json");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                        + "\"detail\":\"At most " + limit.requests() + " requests of this kind ("
                        + limitClass.name().toLowerCase().replace('_', '-') + ") are accepted per "
                        + limit.per().toSeconds() + " s from one client. Retry after " + retryAfter
                        + " s.\",\"instance\":\""
                        + request.getRequestURI().replace("\"", "").replace("\\", "")
                        + "\"}");
    }
}
