package io.serviceproof.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.MutableClock;
import io.serviceproof.MutableClockConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same refusals with the counts in the database (issue 21), and what that adds: a client whose
 * requests a balancer spreads over two nodes has one allowance, not one per node.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.forward-headers-strategy=native",
            "serviceproof.rate-limits.store=database",
            "serviceproof.rate-limits.verify.requests=3",
            "serviceproof.rate-limits.verify.per=1h",
            "serviceproof.rate-limits.public-reads.requests=4",
            "serviceproof.rate-limits.public-reads.per=1h",
            "serviceproof.rate-limits.expensive.requests=2",
            "serviceproof.rate-limits.expensive.per=1h"
        })
@Import(MutableClockConfiguration.class)
class DatabaseRateLimitIntegrationTests extends RateLimitIntegrationTests {

    private static final RateLimitSettings.Limit FOUR_AN_HOUR = new RateLimitSettings.Limit(4, Duration.ofHours(1));

    @Autowired
    DatabaseWindows node1;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    /** Windows are whole hours: each test starts just past an hour's turn, so none crosses one. */
    @BeforeEach
    void startOfAnHour() {
        long intoHour = Math.floorMod(clock.millis(), Duration.ofHours(1).toMillis());
        clock.advance(Duration.ofHours(1).minusMillis(intoHour).plusSeconds(1));
    }

    @Test
    void aClientSpreadOverTwoNodesHasOneAllowance() {
        Clock tenPast = Clock.fixed(Instant.parse("2026-12-05T10:10:00Z"), ZoneOffset.UTC);
        DatabaseWindows first = new DatabaseWindows(jdbc, tenPast, Duration.ofHours(1));
        DatabaseWindows second = new DatabaseWindows(jdbc, tenPast, Duration.ofHours(1));
        String client = "WRITES user " + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            assertThat(first.take(client, FOUR_AN_HOUR)).isEmpty();
            assertThat(second.take(client, FOUR_AN_HOUR)).isEmpty();
        }
        // Fifty minutes to the next window.
        assertThat(first.take(client, FOUR_AN_HOUR)).hasValue(3000);
        assertThat(second.take(client, FOUR_AN_HOUR)).hasValue(3000);
        assertThat(second.take("WRITES user " + UUID.randomUUID(), FOUR_AN_HOUR))
                .isEmpty();

        DatabaseWindows nextHour = new DatabaseWindows(
                jdbc, Clock.fixed(Instant.parse("2026-12-05T11:00:00Z"), ZoneOffset.UTC), Duration.ofHours(1));
        assertThat(nextHour.take(client, FOUR_AN_HOUR)).isEmpty();
    }

    @Test
    void windowsPastTheLongestPeriodAreDeletedAndTheTableHoldsNoIdentities() {
        String client = "READS user someone-" + UUID.randomUUID() + "@example.com";
        node1.take(client, FOUR_AN_HOUR);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit_windows WHERE bucket LIKE '%example.com%'")
                        .query(Long.class)
                        .single())
                .isZero();
        jdbc.sql("INSERT INTO rate_limit_windows (bucket, window_start, requests) VALUES ('old', 0, 9)")
                .update();
        node1.deleteOldWindows();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit_windows WHERE bucket = 'old'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit_windows")
                        .query(Long.class)
                        .single())
                .isPositive();
    }
}
