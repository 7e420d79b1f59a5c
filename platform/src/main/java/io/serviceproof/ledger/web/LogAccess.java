package io.serviceproof.ledger.web;

import io.serviceproof.common.NotFoundException;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may read a log by its slug: anyone when the organisation made its log public; otherwise only
 * a token of that organisation. Another organisation's token gets the same 404 as a missing log.
 */
@Component
class LogAccess {

    private final OrganisationDirectory organisations;

    LogAccess(OrganisationDirectory organisations) {
        this.organisations = organisations;
    }

    Organisation readable(String slug) {
        Organisation organisation =
                organisations.findBySlug(slug).orElseThrow(() -> new NotFoundException("Log", slug));
        if (organisation.logPublic()) {
            return organisation;
        }
        Optional<Actor> actor = Tenancy.currentActor();
        if (actor.isEmpty()) {
            throw new AuthenticationCredentialsNotFoundException(
                    "This log is not public; send an API token of its organisation.");
        }
        if (!actor.get().organisationId().equals(organisation.id())) {
            throw new NotFoundException("Log", slug);
        }
        return organisation;
    }
}
