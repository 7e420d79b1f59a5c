package io.serviceproof.identity.users;

import io.serviceproof.identity.OrganisationId;

/** What sign-in needs to check a password; never leaves the identity module. */
public record Credentials(OrganisationId organisationId, UserAccount user, String passwordHash) {

    @Override
    public String toString() {
        return "Credentials[" + user.email() + "]";
    }
}
