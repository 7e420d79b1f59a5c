package io.serviceproof;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.ActorAuthentication;
import io.serviceproof.identity.users.UserAccount;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Lets MockMvc tests act as a signed-in user of a {@link TestTenant} without the sign-in form. */
public final class ActingAs {

    private ActingAs() {}

    public static RequestPostProcessor user(TestTenant tenant, UserAccount user) {
        Actor actor =
                new Actor(tenant.organisation().id(), Actor.Kind.USER, user.id().toString(), user.email(), user.role());
        return SecurityMockMvcRequestPostProcessors.authentication(new ActorAuthentication(actor));
    }

    public static RequestPostProcessor bearer(String secret) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + secret);
            return request;
        };
    }
}
