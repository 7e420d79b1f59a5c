package io.serviceproof.catalog;

import java.util.Set;

/** A clause, control, topic or obligation of a framework; titles are our own short paraphrases. */
public record Requirement(
        String id,
        String frameworkId,
        String refId,
        String parentRef,
        String titleEn,
        String titleZh,
        String kind,
        int position,
        Set<EvidenceType> evidenceTypes,
        Provenance provenance,
        boolean locallyModified) {

    public String title(boolean chinese) {
        return chinese && !titleZh.isBlank() ? titleZh : titleEn;
    }
}
