package io.serviceproof.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.TestTenant;
import io.serviceproof.identity.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Past its limit a client is refused with 429 and told when to come back; other clients are not
 * affected. Clients are told apart by the address the trusted proxy (the test, on loopback) saw, or
 * by who they signed in as.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.forward-headers-strategy=native",
            "serviceproof.rate-limits.verify.requests=3",
            "serviceproof.rate-limits.verify.per=1h",
            "serviceproof.rate-limits.public-reads.requests=4",
            "serviceproof.rate-limits.public-reads.per=1h",
            "serviceproof.rate-limits.expensive.requests=2",
            "serviceproof.rate-limits.expensive.per=1h"
        })
class RateLimitIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String clientAddress, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Forwarded-For", clientAddress)
                .header("Accept-Language", "en")
                .header("Accept", path.startsWith("/verify") ? "text/html" : "*/*");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theVerificationPageRefusesAVisitorPastTheLimitWithAReadablePageAndServesOthers() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/verify", "203.0.113.7", null).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = get("/verify", "203.0.113.7", null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body()).contains("Too many requests from you");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 3600L);

        assertThat(get("/verify", "198.51.100.23", null).statusCode()).isEqualTo(200);
    }

    @Test
    void publicReadsArePerAddressAndAnswerProblemDetails() throws Exception {
        TestTenant tenant = TestTenant.create(context, "rate-public");
        String did = "/orgs/" + tenant.organisation().slug() + "/did.json";
        for (int i = 0; i < 4; i++) {
            assertThat(get(did, "203.0.113.9", null).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = get(did, "203.0.113.9", null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"status\":429", "public-reads", "Retry after");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();

        assertThat(get(did, "203.0.113.10", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aSignedInClientIsCountedAsItselfWhereverItConnectsFrom() throws Exception {
        TestTenant tenant = TestTenant.create(context, "rate-user");
        String auditor = tenant.token(Role.AUDITOR);
        String frameworks =
                get("/api/v1/catalog/frameworks", "203.0.113.20", auditor).body();
        Matcher firstId = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(frameworks);
        assertThat(firstId.find()).isTrue();
        String export = "/api/v1/catalog/frameworks/" + firstId.group(1) + "/export";
        // Changing address does not buy a token more requests.
        assertThat(get(export, "203.0.113.20", auditor).statusCode()).isEqualTo(200);
        assertThat(get(export, "203.0.113.21", auditor).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get(export, "203.0.113.22", auditor);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("expensive");

        // A colleague behind the same address is not affected, nor are the auditor's cheap reads.
        assertThat(get(export, "203.0.113.20", tenant.token(Role.ENGINEER)).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/offerings", "203.0.113.20", auditor).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRequestThatAuthenticationRefusesCostsTheClientNothing() throws Exception {
        String export = "/api/v1/catalog/frameworks/any/export";
        for (int i = 0; i < 5; i++) {
            assertThat(get(export, "203.0.113.30", "sp_not-a-token").statusCode())
                    .isEqualTo(401);
        }
    }
}
