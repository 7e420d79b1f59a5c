package io.serviceproof.evidence;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Evidence items and their versions, confined to the acting organisation. */
@Repository
class EvidenceRows {

    /** The latest version of each item, with the item's own columns under names of their own. */
    private static final String SUMMARY = """
            SELECT v.*, i.title, i.evidence_type, i.description, i.owner_id, i.latest_version,
                   i.created_at AS item_created_at, i.created_by AS item_created_by
            FROM evidence_items i
            JOIN evidence_versions v ON v.item_id = i.id AND v.version = i.latest_version
            WHERE i.organisation_id = :organisationId
            """;

    private final JdbcClient jdbc;

    EvidenceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertItem(EvidenceItem item) {
        jdbc.sql("""
                        INSERT INTO evidence_items (id, organisation_id, title, evidence_type, description, owner_id,
                                                    created_at, created_by, latest_version)
                        VALUES (:id, :organisationId, :title, :type, :description, :ownerId, :createdAt, :createdBy, :latest)
                        """)
                .param("id", item.id())
                .param("organisationId", organisation())
                .param("title", item.title())
                .param("type", item.type())
                .param("description", item.description())
                .param("ownerId", item.ownerId())
                .param("createdAt", Timestamps.toMillis(item.createdAt()))
                .param("createdBy", item.createdBy())
                .param("latest", item.latestVersion())
                .update();
    }

    void updateItem(EvidenceItem item) {
        jdbc.sql("""
                        UPDATE evidence_items SET title = :title, evidence_type = :type, description = :description,
                               owner_id = :ownerId, latest_version = :latest
                        WHERE organisation_id = :organisationId AND id = :id
                        """)
                .param("id", item.id())
                .param("organisationId", organisation())
                .param("title", item.title())
                .param("type", item.type())
                .param("description", item.description())
                .param("ownerId", item.ownerId())
                .param("latest", item.latestVersion())
                .update();
    }

    void insertVersion(EvidenceVersion v) {
        jdbc.sql("""
                        INSERT INTO evidence_versions (id, organisation_id, item_id, version, sha256, size, filename,
                            media_type, effective_date, valid_until, status, uploaded_at, uploaded_by_id, uploaded_by,
                            ledger_index)
                        VALUES (:id, :organisationId, :itemId, :version, :sha256, :size, :filename, :mediaType,
                            :effectiveDate, :validUntil, :status, :uploadedAt, :uploadedById, :uploadedBy, :ledgerIndex)
                        """)
                .param("id", v.id())
                .param("organisationId", organisation())
                .param("itemId", v.itemId())
                .param("version", v.version())
                .param("sha256", v.sha256())
                .param("size", v.size())
                .param("filename", v.filename())
                .param("mediaType", v.mediaType())
                .param("effectiveDate", v.effectiveDate().toString())
                .param(
                        "validUntil",
                        v.validUntil() == null ? null : v.validUntil().toString())
                .param("status", v.status().name())
                .param("uploadedAt", Timestamps.toMillis(v.uploadedAt()))
                .param("uploadedById", v.uploadedById())
                .param("uploadedBy", v.uploadedBy())
                .param("ledgerIndex", v.ledgerIndex())
                .update();
    }

    void setLedgerIndex(String versionId, long index) {
        jdbc.sql(
                        "UPDATE evidence_versions SET ledger_index = :index WHERE organisation_id = :organisationId AND id = :id")
                .param("index", index)
                .param("organisationId", organisation())
                .param("id", versionId)
                .update();
    }

    void setApprovalLedgerIndex(String versionId, long index) {
        jdbc.sql("""
                        UPDATE evidence_versions SET approval_ledger_index = :index
                        WHERE organisation_id = :organisationId AND id = :id
                        """)
                .param("index", index)
                .param("organisationId", organisation())
                .param("id", versionId)
                .update();
    }

    /** Moves a version from one of {@code from} to {@code to}; false if it was no longer in {@code from}. */
    boolean review(
            String versionId,
            List<EvidenceStatus> from,
            EvidenceStatus to,
            String reviewerId,
            String reviewer,
            String comment,
            Instant at) {
        return jdbc.sql("""
                                UPDATE evidence_versions SET status = :to, reviewer_id = :reviewerId, reviewer = :reviewer,
                                       review_comment = :comment, reviewed_at = :at
                                WHERE organisation_id = :organisationId AND id = :id AND status IN (:from)
                                """)
                        .param("to", to.name())
                        .param("reviewerId", reviewerId)
                        .param("reviewer", reviewer)
                        .param("comment", comment)
                        .param("at", Timestamps.toMillis(at))
                        .param("organisationId", organisation())
                        .param("id", versionId)
                        .param("from", from.stream().map(Enum::name).toList())
                        .update()
                == 1;
    }

    /** A status change that is not a review (submission, expiry): reviewer fields stay. */
    boolean move(String versionId, List<EvidenceStatus> from, EvidenceStatus to) {
        return jdbc.sql("""
                                UPDATE evidence_versions SET status = :to
                                WHERE organisation_id = :organisationId AND id = :id AND status IN (:from)
                                """)
                        .param("to", to.name())
                        .param("organisationId", organisation())
                        .param("id", versionId)
                        .param("from", from.stream().map(Enum::name).toList())
                        .update()
                == 1;
    }

    Optional<EvidenceItem> item(String id) {
        return jdbc.sql("SELECT * FROM evidence_items WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", organisation())
                .param("id", id)
                .query(EvidenceRows::item)
                .optional();
    }

    List<EvidenceVersion> versions(String itemId) {
        return jdbc.sql("""
                        SELECT * FROM evidence_versions WHERE organisation_id = :organisationId AND item_id = :itemId
                        ORDER BY version DESC
                        """)
                .param("organisationId", organisation())
                .param("itemId", itemId)
                .query(EvidenceRows::version)
                .list();
    }

    List<EvidenceSummary> find(EvidenceFilter filter) {
        return jdbc.sql(SUMMARY + """
                          AND (CAST(:type AS TEXT) IS NULL OR i.evidence_type = :type)
                          AND (CAST(:status AS TEXT) IS NULL OR v.status = :status)
                          AND (CAST(:expiringBy AS TEXT) IS NULL
                               OR (v.valid_until IS NOT NULL AND v.valid_until <= :expiringBy
                                   AND v.status IN ('APPROVED', 'IN_REVIEW', 'DRAFT')))
                          AND (CAST(:linkedTo AS TEXT) IS NULL OR EXISTS (
                               SELECT 1 FROM evidence_links l
                               WHERE l.organisation_id = i.organisation_id AND l.item_id = i.id
                                 AND l.target_kind = :linkedKind AND l.target_id = :linkedTo))
                        ORDER BY i.created_at DESC, i.id
                        """)
                .param("organisationId", organisation())
                .param("type", filter.type())
                .param(
                        "status",
                        filter.status() == null ? null : filter.status().name())
                .param(
                        "expiringBy",
                        filter.expiringBy() == null ? null : filter.expiringBy().toString())
                .param(
                        "linkedKind",
                        filter.linkedKind() == null ? null : filter.linkedKind().name())
                .param("linkedTo", filter.linkedTo())
                .query((row, n) -> new EvidenceSummary(summaryItem(row), version(row, n)))
                .list();
    }

    /** Approved latest versions whose validity ended before {@code today}. */
    List<EvidenceSummary> dueToExpire(LocalDate today) {
        return jdbc.sql(SUMMARY + " AND v.status = 'APPROVED' AND v.valid_until IS NOT NULL AND v.valid_until < :today")
                .param("organisationId", organisation())
                .param("today", today.toString())
                .query((row, n) -> new EvidenceSummary(summaryItem(row), version(row, n)))
                .list();
    }

    private static String organisation() {
        return Tenancy.organisationId().toString();
    }

    private static EvidenceItem item(ResultSet row, int n) throws SQLException {
        return new EvidenceItem(
                row.getString("id"),
                row.getString("title"),
                row.getString("evidence_type"),
                row.getString("description"),
                row.getString("owner_id"),
                Timestamps.instant(row, "created_at"),
                row.getString("created_by"),
                row.getInt("latest_version"));
    }

    private static EvidenceItem summaryItem(ResultSet row) throws SQLException {
        return new EvidenceItem(
                row.getString("item_id"),
                row.getString("title"),
                row.getString("evidence_type"),
                row.getString("description"),
                row.getString("owner_id"),
                Timestamps.instant(row, "item_created_at"),
                row.getString("item_created_by"),
                row.getInt("latest_version"));
    }

    private static EvidenceVersion version(ResultSet row, int n) throws SQLException {
        String validUntil = row.getString("valid_until");
        long ledgerIndex = row.getLong("ledger_index");
        boolean noIndex = row.wasNull();
        long approvalIndex = row.getLong("approval_ledger_index");
        boolean noApproval = row.wasNull();
        return new EvidenceVersion(
                row.getString("id"),
                row.getString("item_id"),
                row.getInt("version"),
                row.getString("sha256"),
                row.getLong("size"),
                row.getString("filename"),
                row.getString("media_type"),
                LocalDate.parse(row.getString("effective_date")),
                validUntil == null ? null : LocalDate.parse(validUntil),
                EvidenceStatus.valueOf(row.getString("status")),
                Timestamps.instant(row, "uploaded_at"),
                row.getString("uploaded_by_id"),
                row.getString("uploaded_by"),
                row.getString("reviewer_id"),
                row.getString("reviewer"),
                row.getString("review_comment"),
                Timestamps.instant(row, "reviewed_at"),
                noIndex ? null : ledgerIndex,
                noApproval ? null : approvalIndex);
    }
}
