package io.serviceproof.services;

import java.time.Instant;
import java.util.List;

/**
 * A hardware + services bundle sold into target markets.
 *
 * @param markets market codes of the catalog (VN, TH, MY, ID, …)
 */
public record Offering(
        String id,
        String name,
        String description,
        String hardware,
        List<String> markets,
        Instant createdAt,
        String createdBy) {}
