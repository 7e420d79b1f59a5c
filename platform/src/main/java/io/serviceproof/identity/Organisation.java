package io.serviceproof.identity;

import java.time.Instant;

/** A tenant: an exporter that keeps its evidence in ServiceProof. */
public record Organisation(
        OrganisationId id, String slug, String name, String description, boolean logPublic, Instant createdAt) {}
