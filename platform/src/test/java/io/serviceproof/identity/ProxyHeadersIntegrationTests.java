package io.serviceproof.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.TestTenant;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Behind a reverse proxy (here: the test itself, on loopback, a configured trusted proxy): the
 * client's address is the rightmost untrusted X-Forwarded-For entry, never the leftmost a client
 * writes itself, and a request the proxy received over HTTPS gets a Secure session cookie.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.forward-headers-strategy=native"})
class ProxyHeadersIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private HttpResponse<String> signIn(String email, String password, String forwardedFor, String proto)
            throws Exception {
        HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        String body = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", forwardedFor)
                        .header("X-Forwarded-Proto", proto)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClientCannotChooseItsAddressByWritingTheLeftmostForwardedFor() throws Exception {
        TestTenant tenant = TestTenant.create(context, "proxy");
        String email = tenant.user(Role.ENGINEER).email();
        // The guesser rotates what it writes itself; the proxy appends the address it saw.
        for (int i = 0; i < 5; i++) {
            signIn(email, "guess-" + i, "10.9.9." + i + ", 203.0.113.50", "http");
        }
        HttpResponse<String> next = signIn(email, TestTenant.PASSWORD, "10.9.9.99, 203.0.113.50", "http");
        assertThat(next.headers().firstValue("Location").orElse("")).endsWith("/login?locked");
        // The real user, behind the same proxy from another address, is not affected.
        HttpResponse<String> user = signIn(email, TestTenant.PASSWORD, "198.51.100.7", "http");
        assertThat(user.headers().firstValue("Location").orElse("")).doesNotContain("error", "locked");
    }

    @Test
    void aRequestTheProxyReceivedOverHttpsGetsASecureSessionCookie() throws Exception {
        TestTenant tenant = TestTenant.create(context, "proxy-tls");
        HttpResponse<String> response =
                signIn(tenant.user(Role.AUDITOR).email(), TestTenant.PASSWORD, "198.51.100.8", "https");
        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure", "HttpOnly"));
    }
}
