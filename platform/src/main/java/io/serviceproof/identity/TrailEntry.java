package io.serviceproof.identity;

import io.serviceproof.common.Phrase;
import java.time.Instant;

/**
 * One line of the user-action trail: who did what to which record, and when. {@code disclosureSalt}
 * (hex, null on lines older than V17) is the secret half of the line's commitment in the log: whoever
 * may read the trail can disclose a line with its salt, and anyone can then check it against the log.
 */
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
        String remoteAddress,
        String disclosureSalt,
        Phrase detailPhrase) {}
