package io.serviceproof.watch;

import java.util.List;

/**
 * What an accepted change makes stale in one organisation. Each list names what to look at and
 * links to it; {@code framework} is null when the change names no framework the catalog holds.
 *
 * @param framework the catalog framework the change is about, as {@code label} and page link
 * @param replacement the edition replacing it, when the catalog holds it: the "what changed" view
 * @param requirements how many requirements of the old edition the change touches
 * @param mappings confirmed crosswalk mappings on those requirements
 * @param carriedOver confirmed mappings whose clause id exists in the replacement, to migrate
 * @param evidence evidence linked to those requirements
 * @param assessments assessments in markets whose profile relies on the old edition
 * @param credentials credentials issued on those assessments and not revoked
 * @param certificates conformity results against the old edition, flagged when they outlive the
 *     transition deadline
 */
public record Impact(
        Link framework,
        Link replacement,
        int requirements,
        List<Link> mappings,
        int carriedOver,
        List<Link> evidence,
        List<Link> assessments,
        List<Link> credentials,
        List<Link> certificates) {

    /** Something made stale, with where to see it and why it is listed. */
    public record Link(String label, String href, String note) {}

    public boolean empty() {
        return framework == null
                && mappings.isEmpty()
                && evidence.isEmpty()
                && assessments.isEmpty()
                && credentials.isEmpty()
                && certificates.isEmpty();
    }
}
