package io.serviceproof.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * An authenticated {@link Actor} as Spring Security sees it: an API token, the system acting for an
 * organisation, or (in tests) a user. Its principal is the actor, which is what {@link Tenancy} reads.
 */
public final class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;

    public ActorAuthentication(Actor actor) {
        super(AuthorityUtils.createAuthorityList(actor.role().authority()));
        this.actor = actor;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.name();
    }
}
