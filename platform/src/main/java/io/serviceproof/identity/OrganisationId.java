package io.serviceproof.identity;

import java.util.Objects;
import java.util.UUID;

/** Identifies a tenant. */
public record OrganisationId(UUID value) {

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
