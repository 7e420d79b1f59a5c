package io.serviceproof.evidence;

import java.time.Instant;

/** Evidence supporting one requirement or service layer. */
public record EvidenceLink(
        String id, String itemId, LinkTarget kind, String targetId, Instant createdAt, String createdBy) {}
