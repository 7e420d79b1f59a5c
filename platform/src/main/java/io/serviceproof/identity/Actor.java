package io.serviceproof.identity;

import java.util.Objects;

/**
 * The one who performs the current request: a signed-in user, an API token, or the system itself
 * (the admin command line, the demo seeder). Always bound to exactly one organisation. Serializable,
 * as a signed-in session kept in the database holds it.
 *
 * @param organisationId the tenant every read and write of this request is confined to
 * @param id the user's or token's id, or a fixed name for the system
 * @param name what the trail shows: an e-mail, a token name, {@code system}
 */
public record Actor(OrganisationId organisationId, Kind kind, String id, String name, Role role)
        implements ActorPrincipal, java.io.Serializable {

    public enum Kind {
        USER,
        TOKEN,
        SYSTEM
    }

    public Actor {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public Actor actor() {
        return this;
    }

    public static Actor system(OrganisationId organisationId, String name) {
        return new Actor(organisationId, Kind.SYSTEM, "system", name, Role.OWNER);
    }
}
