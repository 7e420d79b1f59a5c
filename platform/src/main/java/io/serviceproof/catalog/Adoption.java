package io.serviceproof.catalog;

/**
 * A national adoption of an international standard (GB/T 22080-2025 IDT ISO/IEC 27001:2022). An
 * identical adoption holds for one base edition only; {@code nationalKey}/{@code nationalEdition}
 * name the national framework when the catalog holds its requirements.
 */
public record Adoption(
        String id,
        String nationalId,
        String country,
        String baseKey,
        String baseEdition,
        AdoptionDegree degree,
        String deviations,
        String issued,
        String effective,
        String status,
        String nationalKey,
        String nationalEdition,
        Provenance provenance) {}
