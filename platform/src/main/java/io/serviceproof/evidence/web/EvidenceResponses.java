package io.serviceproof.evidence.web;

import io.serviceproof.evidence.EvidenceDetail;
import io.serviceproof.evidence.EvidenceItem;
import io.serviceproof.evidence.EvidenceLink;
import io.serviceproof.evidence.EvidenceSummary;
import io.serviceproof.evidence.EvidenceVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the evidence API. */
final class EvidenceResponses {

    private EvidenceResponses() {}

    record VersionResponse(
            int version,
            String sha256,
            long size,
            String filename,
            String mediaType,
            LocalDate effectiveDate,
            LocalDate validUntil,
            String status,
            Instant uploadedAt,
            String uploadedBy,
            String reviewer,
            String reviewComment,
            Instant reviewedAt,
            boolean selfApproved,
            Long ledgerIndex) {
        static VersionResponse of(EvidenceVersion v) {
            return new VersionResponse(
                    v.version(),
                    v.sha256(),
                    v.size(),
                    v.filename(),
                    v.mediaType(),
                    v.effectiveDate(),
                    v.validUntil(),
                    v.status().token(),
                    v.uploadedAt(),
                    v.uploadedBy(),
                    v.reviewer(),
                    v.reviewComment(),
                    v.reviewedAt(),
                    v.selfApproved(),
                    v.ledgerIndex());
        }
    }

    record LinkResponse(String id, String kind, String targetId, Instant createdAt, String createdBy) {
        static LinkResponse of(EvidenceLink link) {
            return new LinkResponse(
                    link.id(), link.kind().token(), link.targetId(), link.createdAt(), link.createdBy());
        }
    }

    /** One piece of evidence: the latest version's fields at the top level, all versions below. */
    record EvidenceResponse(
            String id,
            String title,
            String type,
            String description,
            String ownerId,
            Instant createdAt,
            String createdBy,
            int version,
            String sha256,
            long size,
            String status,
            LocalDate effectiveDate,
            LocalDate validUntil,
            List<VersionResponse> versions,
            List<LinkResponse> links) {

        static EvidenceResponse of(EvidenceDetail detail) {
            return of(detail.item(), detail.latest(), detail.versions(), detail.links());
        }

        static EvidenceResponse of(EvidenceSummary summary) {
            return of(summary.item(), summary.latest(), null, null);
        }

        private static EvidenceResponse of(
                EvidenceItem item, EvidenceVersion latest, List<EvidenceVersion> versions, List<EvidenceLink> links) {
            return new EvidenceResponse(
                    item.id(),
                    item.title(),
                    item.type(),
                    item.description(),
                    item.ownerId(),
                    item.createdAt(),
                    item.createdBy(),
                    latest.version(),
                    latest.sha256(),
                    latest.size(),
                    latest.status().token(),
                    latest.effectiveDate(),
                    latest.validUntil(),
                    versions == null
                            ? null
                            : versions.stream().map(VersionResponse::of).toList(),
                    links == null ? null : links.stream().map(LinkResponse::of).toList());
        }
    }
}
