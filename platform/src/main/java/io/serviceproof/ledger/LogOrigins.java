package io.serviceproof.ledger;

import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.PublicHost;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.OrganisationId;
import org.springframework.stereotype.Component;

/** A log's origin line, {@code <public host>/<organisation slug>}, which is also its key's name. */
@Component
class LogOrigins {

    private final OrganisationDirectory organisations;
    private final PublicHost publicHost;

    LogOrigins(OrganisationDirectory organisations, PublicHost publicHost) {
        this.organisations = organisations;
        this.publicHost = publicHost;
    }

    String origin(OrganisationId organisation) {
        Organisation found = organisations
                .findById(organisation)
                .orElseThrow(() -> new NotFoundException("Organisation", organisation));
        return publicHost.value() + "/" + found.slug();
    }
}
