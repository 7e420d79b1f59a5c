package io.serviceproof.evidence;

import java.time.LocalDate;

/**
 * Which evidence to list; null fields do not filter.
 *
 * @param expiringBy only items whose latest version's validity ends on or before this day
 * @param linkedKind with {@code linkedTo}: only items linked to that requirement or layer
 */
public record EvidenceFilter(
        String type, EvidenceStatus status, LocalDate expiringBy, LinkTarget linkedKind, String linkedTo) {

    public static EvidenceFilter all() {
        return new EvidenceFilter(null, null, null, null, null);
    }
}
