package io.serviceproof.evidence;

import java.time.Instant;

/**
 * One piece of evidence as the organisation names it; its files are its versions.
 *
 * @param type E1–E9 (domain reference §2) or the organisation's own label
 * @param ownerId the user answerable for keeping it current (may be null)
 */
public record EvidenceItem(
        String id,
        String title,
        String type,
        String description,
        String ownerId,
        Instant createdAt,
        String createdBy,
        int latestVersion) {}
