package io.serviceproof.services;

import java.time.Instant;

/**
 * One uploaded version of a layer's API contract.
 *
 * @param breaking whether it breaks clients of the previous version (openapi-diff)
 */
public record ApiContract(
        String id,
        String layerId,
        int version,
        String title,
        String apiVersion,
        String openapiVersion,
        int operations,
        String sha256,
        boolean breaking,
        Instant uploadedAt,
        String uploadedBy,
        long ledgerIndex) {}
