package io.serviceproof.identity.sessions;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Sessions in the database ({@code serviceproof.sessions.store=database}), so that a balancer may
 * send a signed-in user's next request to any node (issue 21, ADR 025). The embedded default keeps
 * them in the node's memory, where one node needs nothing more and SQLite is spared a write per
 * request.
 *
 * <p>The cookie keeps the name, flags and lifetime the in-memory sessions have ({@code JSESSIONID},
 * HttpOnly, SameSite=Lax, Secure when the request came over HTTPS, {@code server.servlet.session.timeout}
 * idle), so switching stores changes nothing a browser or a proxy sees. Expired sessions are deleted
 * by {@link ExpiredSessions} on one node at a time, not by Spring Session's own timer on every node.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "serviceproof.sessions.store", havingValue = "database")
@EnableJdbcHttpSession(cleanupCron = Scheduled.CRON_DISABLED)
class SessionStoreConfiguration {

    static final String COOKIE = "JSESSIONID";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionLifetime(
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }

    /** Two requests of one page (htmx) may add the same attribute at once: an upsert, not a failure. */
    @Bean
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:postgresql:')")
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer attributeUpserts() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean
    CookieSerializer sessionCookie() {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(COOKIE);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        return cookie;
    }

    @Bean
    ExpiredSessions expiredSessions(JdbcIndexedSessionRepository repository) {
        return new ExpiredSessions(repository);
    }
}
