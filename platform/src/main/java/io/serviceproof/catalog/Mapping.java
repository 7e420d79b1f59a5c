package io.serviceproof.catalog;

import java.time.Instant;

/** One crosswalk row: how a source requirement relates to a target requirement, and who says so. */
public record Mapping(
        String id,
        String sourceId,
        String targetId,
        Relationship relationship,
        Rationale rationale,
        Integer strength,
        Confidence confidence,
        MappingStatus status,
        String method,
        String note,
        Provenance provenance,
        boolean locallyModified,
        Instant updatedAt,
        String updatedBy) {

    public boolean counts() {
        return status == MappingStatus.CONFIRMED;
    }
}
