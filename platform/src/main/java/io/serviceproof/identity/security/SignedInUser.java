package io.serviceproof.identity.security;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.ActorPrincipal;
import io.serviceproof.identity.users.Credentials;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a form sign-in session. The password hash is erased after authentication. */
final class SignedInUser implements UserDetails, CredentialsContainer, ActorPrincipal {

    private final Actor actor;
    private final boolean active;
    private String passwordHash;

    SignedInUser(Credentials credentials) {
        this.actor = new Actor(
                credentials.organisationId(),
                Actor.Kind.USER,
                credentials.user().id().toString(),
                credentials.user().email(),
                credentials.user().role());
        this.active = credentials.user().active();
        this.passwordHash = credentials.passwordHash();
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(actor.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.name();
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
