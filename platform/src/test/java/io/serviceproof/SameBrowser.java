package io.serviceproof;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpSession;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The next MockMvc request of the same browser as an earlier one, whichever store keeps sessions:
 * in memory the session is MockMvc's own object, in the database ({@code serviceproof.sessions.store},
 * as the PostgreSQL run has it) it is named by the session cookie the earlier answer set.
 */
public final class SameBrowser {

    private static final String COOKIE = "JSESSIONID";

    private SameBrowser() {}

    /** Carries the earlier request's session (and its session cookie) into the next request. */
    public static RequestPostProcessor as(MvcResult earlier) {
        HttpSession session = earlier.getRequest().getSession(false);
        Optional<Cookie> cookie = sessionCookie(earlier);
        return request -> {
            if (session instanceof MockHttpSession mock) {
                request.setSession(mock);
            }
            cookie.ifPresent(request::setCookies);
            return request;
        };
    }

    /** The session the earlier request ended with, by whatever names it: cookie value or session id. */
    public static Optional<String> sessionOf(MvcResult earlier) {
        Optional<Cookie> cookie = sessionCookie(earlier);
        if (cookie.isPresent()) {
            return Optional.of(cookie.get().getValue());
        }
        return Optional.ofNullable(earlier.getRequest().getSession(false)).map(HttpSession::getId);
    }

    private static Optional<Cookie> sessionCookie(MvcResult result) {
        return Arrays.stream(result.getResponse().getCookies())
                .filter(c -> c.getName().equals(COOKIE) && !c.getValue().isEmpty())
                .findFirst();
    }
}
