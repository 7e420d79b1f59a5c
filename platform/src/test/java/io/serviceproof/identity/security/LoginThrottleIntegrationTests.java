package io.serviceproof.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-in throttle is one across nodes (issue 21): failures counted by one node make another
 * node's next attempt wait, and a success on either clears the account's count for both.
 */
@SpringBootTest
class LoginThrottleIntegrationTests {

    @Autowired
    LoginThrottle node1;

    @Autowired
    LoginThrottle.Settings settings;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void failuresSeenByOneNodeSlowTheNextAttemptOnAnother() {
        LoginThrottle node2 = new LoginThrottle(settings, clock, jdbc);
        String email = "guessed-" + UUID.randomUUID() + "@example.com";
        String client = "198.51.100.23";

        for (int i = 0; i < settings.freeFailures(); i++) {
            assertThat(node2.waitFor(email, client)).isEmpty();
            node1.recordFailure(email, client);
        }

        assertThat(node2.waitFor(email, client))
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(settings.firstDelay()));
        // The same account from another client: only the account's own, larger allowance applies.
        assertThat(node2.waitFor(email, "198.51.100.99")).isEmpty();

        node2.recordSuccess(email, client);
        assertThat(node1.waitFor(email, client)).isEmpty();
    }
}
