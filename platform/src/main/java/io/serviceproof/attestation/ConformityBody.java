package io.serviceproof.attestation;

import io.serviceproof.identity.OrganisationId;
import java.time.Instant;
import java.util.List;

/** An organisation registered as a conformity-assessment body, with what it does. */
public record ConformityBody(
        OrganisationId organisationId, String slug, String name, List<BodyKind> kinds, Instant registeredAt) {

    public ConformityBody {
        kinds = List.copyOf(kinds);
    }
}
