package io.serviceproof.identity;

import java.time.Instant;

/** One line of the user-action trail: who did what to which record, and when. */
public record TrailEntry(
        String id,
        Instant occurredAt,
        Actor.Kind actorKind,
        String actorId,
        String actorName,
        String action,
        String targetType,
        String targetId,
        String detail,
        String remoteAddress) {}
