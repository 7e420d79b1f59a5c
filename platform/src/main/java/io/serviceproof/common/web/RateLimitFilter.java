package io.serviceproof.common.web;

import io.serviceproof.common.web.RateLimitRules.LimitClass;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.beans.factory.ObjectProvider;
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
 * it and cost the server nothing; sign-in attempts are slowed by their own throttle. Counts are in
 * this node's memory or, for a fleet, in the database ({@link RateLimitCounter}).
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimitFilter extends OncePerRequestFilter {

    private final boolean enabled;
    private final Map<LimitClass, RateLimitSettings.Limit> limits = new EnumMap<>(LimitClass.class);
    private final RateLimitCounter counter;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    RateLimitFilter(RateLimitSettings settings, ObjectProvider<DatabaseWindows> databaseWindows) {
        this.enabled = settings.enabled();
        limits.put(LimitClass.VERIFY, settings.verify());
        limits.put(LimitClass.PUBLIC_READS, settings.publicReads());
        limits.put(LimitClass.EXPENSIVE, settings.expensive());
        limits.put(LimitClass.LEDGER_APPENDS, settings.ledgerAppends());
        limits.put(LimitClass.WRITES, settings.writes());
        limits.put(LimitClass.READS, settings.reads());
        this.counter = switch (settings.store() == null ? "memory" : settings.store()) {
            case "memory" -> new MemoryBuckets(longest(settings));
            case "database" -> databaseWindows.getObject();
            default ->
                throw new IllegalArgumentException(
                        "serviceproof.rate-limits.store: memory or database, not " + settings.store());
        };
    }

    static Duration longest(RateLimitSettings settings) {
        return java.util.stream.Stream.of(
                        settings.verify(),
                        settings.publicReads(),
                        settings.expensive(),
                        settings.ledgerAppends(),
                        settings.writes(),
                        settings.reads())
                .map(RateLimitSettings.Limit::per)
                .max(Duration::compareTo)
                .orElseThrow();
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
        OptionalLong retryAfter = counter.take(limitClass + " " + client(request), limit);
        if (retryAfter.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        refuse(request, response, limitClass, limit, retryAfter.getAsLong());
    }

    private String client(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && !trust.isAnonymous(authentication)) {
            return "user " + authentication.getName();
        }
        return "address " + request.getRemoteAddr();
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
