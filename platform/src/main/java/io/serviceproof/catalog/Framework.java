package io.serviceproof.catalog;

/**
 * One edition of a standard, law, policy, agreement or checklist. {@code key} names the document
 * across editions (iso-iec-27001), so two editions can be compared.
 */
public record Framework(
        String id,
        String key,
        String name,
        String edition,
        FrameworkKind kind,
        String publisher,
        String jurisdiction,
        String status,
        String summary,
        String oscalUuid,
        String baseFrameworkId,
        Provenance provenance,
        String origin,
        boolean locallyModified,
        int requirementCount) {

    public String label() {
        return name + ":" + edition;
    }

    /** The reference form used in library files and mapping references: key@edition. */
    public String reference() {
        return key + "@" + edition;
    }
}
