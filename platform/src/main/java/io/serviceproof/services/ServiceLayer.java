package io.serviceproof.services;

import io.serviceproof.services.content.LayerContent;
import java.time.Instant;

/**
 * One embedded service of an offering, with its working draft.
 *
 * @param code the id producers put in their events' {@code serviceLayerId}, unique per organisation
 * @param template the built-in template it started from, or {@code custom}
 * @param latestVersion 0 until the first publication
 */
public record ServiceLayer(
        String id,
        String offeringId,
        String code,
        String name,
        String template,
        String ownerId,
        LayerContent draft,
        Instant draftUpdatedAt,
        String draftUpdatedBy,
        int latestVersion,
        Instant createdAt) {}
