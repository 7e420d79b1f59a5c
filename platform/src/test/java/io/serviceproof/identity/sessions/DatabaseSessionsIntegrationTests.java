package io.serviceproof.identity.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.TestTenant;
import io.serviceproof.cluster.Browser;
import io.serviceproof.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code serviceproof.sessions.store=database} a signed-in session is a row every node reads
 * (issue 21): the person is signed in exactly as long as the row says, and expired rows are deleted
 * by one scheduled job. The two-node journey behind haproxy is {@code ClusterJourneyIntegrationTests}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "serviceproof.sessions.store=database")
class DatabaseSessionsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSignedInSessionIsARowAndEndsWithIt() throws Exception {
        String email =
                TestTenant.create(context, "sessions").user(Role.ENGINEER).email();
        Browser browser = signedIn(email);
        assertThat(browser.get("/").body()).contains(email);
        assertThat(sessionsOf(email)).isEqualTo(1);

        // What another node sees is the row: without it, no node knows the person.
        jdbc.sql("DELETE FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :email")
                .param("email", email)
                .update();
        Browser.Page after = browser.get("/");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).endsWith("/login");
    }

    @Test
    void expiredSessionsAreDeletedAndNoLongerSignAnyoneIn() throws Exception {
        String email =
                TestTenant.create(context, "sessions-expiry").user(Role.AUDITOR).email();
        Browser browser = signedIn(email);
        jdbc.sql("UPDATE SPRING_SESSION SET EXPIRY_TIME = 0 WHERE PRINCIPAL_NAME = :email")
                .param("email", email)
                .update();
        context.getBean(ExpiredSessions.class).deleteExpired();
        assertThat(sessionsOf(email)).isZero();
        assertThat(browser.get("/").status()).isEqualTo(302);
    }

    private Browser signedIn(String email) throws Exception {
        Browser browser = new Browser("http://127.0.0.1:" + port);
        Browser.Page signIn = browser.signIn(email, TestTenant.PASSWORD);
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.location()).doesNotContain("/login");
        return browser;
    }

    private long sessionsOf(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }
}
