package io.serviceproof.common.web;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The shared rate-limit counts, only when a fleet asks for them ({@code serviceproof.rate-limits.store=database}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "serviceproof.rate-limits.store", havingValue = "database")
class RateLimitStoreConfiguration {

    @Bean
    DatabaseWindows databaseWindows(JdbcClient jdbc, Clock clock, RateLimitSettings settings) {
        return new DatabaseWindows(jdbc, clock, RateLimitFilter.longest(settings));
    }
}
