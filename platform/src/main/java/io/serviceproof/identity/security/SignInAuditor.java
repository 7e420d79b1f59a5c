package io.serviceproof.identity.security;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.identity.users.UserAccounts;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Writes sign-ins and failed sign-ins to the trail of the organisation the e-mail belongs to, and
 * feeds the throttle. A failure for an unknown e-mail belongs to no organisation; it only counts
 * towards the throttle.
 */
@Component
class SignInAuditor {

    private final UserActionTrail trail;
    private final UserAccounts accounts;
    private final LoginThrottle throttle;

    SignInAuditor(UserActionTrail trail, UserAccounts accounts, LoginThrottle throttle) {
        this.trail = trail;
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            throttle.recordSuccess(
                    user.getUsername(), ThrottledAuthenticationProvider.clientOf(event.getAuthentication()));
            Actor actor = user.actor();
            trail.recordAs(actor, "sign-in", "user", actor.id(), "");
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event.getException() instanceof ThrottledAuthenticationProvider.SignInDelayedException) {
            return; // refused unchecked: counting it would only lengthen the wait
        }
        Authentication attempt = event.getAuthentication();
        String email = attempt.getName();
        throttle.recordFailure(email, ThrottledAuthenticationProvider.clientOf(attempt));
        accounts.credentialsFor(email).ifPresent(credentials -> {
            Actor actor = new Actor(
                    credentials.organisationId(),
                    Actor.Kind.USER,
                    credentials.user().id().toString(),
                    credentials.user().email(),
                    credentials.user().role());
            trail.recordAs(
                    actor,
                    "sign-in.failed",
                    "user",
                    actor.id(),
                    event.getException().getClass().getSimpleName());
        });
    }
}
