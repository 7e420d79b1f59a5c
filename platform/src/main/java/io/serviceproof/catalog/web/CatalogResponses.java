package io.serviceproof.catalog.web;

import io.serviceproof.catalog.Adoption;
import io.serviceproof.catalog.Framework;
import io.serviceproof.catalog.MappingView;
import io.serviceproof.catalog.Provenance;
import io.serviceproof.catalog.Requirement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the catalog API. */
final class CatalogResponses {

    private CatalogResponses() {}

    /** verified is true only when reviewedBy recorded source on reviewedOn. */
    record ProvenanceResponse(
            String tag, String meaning, String source, boolean verified, String reviewedBy, LocalDate reviewedOn) {
        static ProvenanceResponse of(Provenance p) {
            return new ProvenanceResponse(
                    p.tag().name(), p.tag().meaning(), p.source(), p.verified(), p.reviewer(), p.reviewedOn());
        }
    }

    record FrameworkResponse(
            String id,
            String key,
            String name,
            String edition,
            String kind,
            String publisher,
            String jurisdiction,
            String status,
            String summary,
            int requirementCount,
            String origin,
            ProvenanceResponse provenance) {
        static FrameworkResponse of(Framework f) {
            return new FrameworkResponse(
                    f.id(),
                    f.key(),
                    f.name(),
                    f.edition(),
                    f.kind().token(),
                    f.publisher(),
                    f.jurisdiction(),
                    f.status(),
                    f.summary(),
                    f.requirementCount(),
                    f.origin(),
                    ProvenanceResponse.of(f.provenance()));
        }
    }

    record RequirementResponse(
            String id,
            String frameworkId,
            String ref,
            String parent,
            String kind,
            String title,
            String titleZh,
            List<String> evidenceTypes,
            boolean locallyModified,
            ProvenanceResponse provenance) {
        static RequirementResponse of(Requirement r) {
            return new RequirementResponse(
                    r.id(),
                    r.frameworkId(),
                    r.refId(),
                    r.parentRef(),
                    r.kind(),
                    r.titleEn(),
                    r.titleZh(),
                    r.evidenceTypes().stream().map(Enum::name).toList(),
                    r.locallyModified(),
                    ProvenanceResponse.of(r.provenance()));
        }
    }

    record Endpoint(String requirementId, String ref, String title, String frameworkId, String framework) {}

    record MappingResponse(
            String id,
            Endpoint source,
            Endpoint target,
            String relationship,
            String rationale,
            Integer strength,
            String confidence,
            String status,
            boolean counts,
            String method,
            String note,
            Instant updatedAt,
            String updatedBy,
            ProvenanceResponse provenance) {
        static MappingResponse of(MappingView v) {
            var m = v.mapping();
            return new MappingResponse(
                    m.id(),
                    new Endpoint(
                            v.source().id(),
                            v.source().refId(),
                            v.source().titleEn(),
                            v.sourceFramework().id(),
                            v.sourceFramework().label()),
                    new Endpoint(
                            v.target().id(),
                            v.target().refId(),
                            v.target().titleEn(),
                            v.targetFramework().id(),
                            v.targetFramework().label()),
                    m.relationship().token(),
                    m.rationale().token(),
                    m.strength(),
                    m.confidence().token(),
                    m.status().token(),
                    m.counts(),
                    m.method(),
                    m.note(),
                    m.updatedAt(),
                    m.updatedBy(),
                    ProvenanceResponse.of(m.provenance()));
        }
    }

    record AdoptionResponse(
            String id,
            String nationalId,
            String country,
            String base,
            String degree,
            String deviations,
            String issued,
            String effective,
            String status,
            ProvenanceResponse provenance) {
        static AdoptionResponse of(Adoption a) {
            return new AdoptionResponse(
                    a.id(),
                    a.nationalId(),
                    a.country(),
                    a.baseKey() + "@" + a.baseEdition(),
                    a.degree().name(),
                    a.deviations(),
                    a.issued(),
                    a.effective(),
                    a.status(),
                    ProvenanceResponse.of(a.provenance()));
        }
    }
}
