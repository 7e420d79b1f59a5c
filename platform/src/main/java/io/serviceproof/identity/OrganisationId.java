package io.serviceproof.identity;

import java.util.Objects;
import java.util.UUID;

/** Identifies a tenant. Serializable because a signed-in session carries it (sessions may be kept in the database). */
public record OrganisationId(UUID value) implements java.io.Serializable {

    public OrganisationId {
        Objects.requireNonNull(value, "organisation id");
    }

    public static OrganisationId random() {
        return new OrganisationId(UUID.randomUUID());
    }

    public static OrganisationId parse(String text) {
        return new OrganisationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
