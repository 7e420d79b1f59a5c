package io.serviceproof.identity.security;

import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the throttle where the password is checked, not in front of a URL: whatever path variant
 * reaches the sign-in filter ({@code /login}, {@code /%6Cogin}, a trailing slash...), the attempt that
 * Spring Security authenticates is the one throttled.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        Optional<Duration> wait = throttle.waitFor(attempt.getName(), clientOf(attempt));
        if (wait.isPresent()) {
            throw new SignInDelayedException(wait.get());
        }
        return passwords.authenticate(attempt);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String clientOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
    }

    /** A sign-in refused unchecked because the attempt came too soon after failures. */
    static class SignInDelayedException extends AuthenticationException {

        private final Duration wait;

        SignInDelayedException(Duration wait) {
            super("Too many failed sign-ins; try again in " + Math.max(1, wait.toSeconds()) + " s");
            this.wait = wait;
        }

        Duration waitFor() {
            return wait;
        }
    }
}
