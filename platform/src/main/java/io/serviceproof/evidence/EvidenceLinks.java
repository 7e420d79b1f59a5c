package io.serviceproof.evidence;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Links from evidence to requirements and service layers, confined to the acting organisation. */
@Repository
class EvidenceLinks {

    private final JdbcClient jdbc;

    EvidenceLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(EvidenceLink link) {
        jdbc.sql("""
                        INSERT INTO evidence_links (id, organisation_id, item_id, target_kind, target_id, created_at, created_by)
                        VALUES (:id, :organisationId, :itemId, :kind, :targetId, :createdAt, :createdBy)
                        """)
                .param("id", link.id())
                .param("organisationId", Tenancy.organisationId().toString())
                .param("itemId", link.itemId())
                .param("kind", link.kind().name())
                .param("targetId", link.targetId())
                .param("createdAt", Timestamps.toMillis(link.createdAt()))
                .param("createdBy", link.createdBy())
                .update();
    }

    Optional<EvidenceLink> find(String itemId, LinkTarget kind, String targetId) {
        return jdbc.sql("""
                        SELECT * FROM evidence_links WHERE organisation_id = :organisationId AND item_id = :itemId
                          AND target_kind = :kind AND target_id = :targetId
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("itemId", itemId)
                .param("kind", kind.name())
                .param("targetId", targetId)
                .query(EvidenceLinks::map)
                .optional();
    }

    List<EvidenceLink> of(String itemId) {
        return jdbc.sql("""
                        SELECT * FROM evidence_links WHERE organisation_id = :organisationId AND item_id = :itemId
                        ORDER BY created_at, id
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("itemId", itemId)
                .query(EvidenceLinks::map)
                .list();
    }

    /** Every link of the organisation (for assessments, which join evidence to requirements). */
    List<EvidenceLink> all() {
        return jdbc.sql("SELECT * FROM evidence_links WHERE organisation_id = :organisationId ORDER BY created_at, id")
                .param("organisationId", Tenancy.organisationId().toString())
                .query(EvidenceLinks::map)
                .list();
    }

    boolean delete(String itemId, String linkId) {
        return jdbc.sql(
                                "DELETE FROM evidence_links WHERE organisation_id = :organisationId AND item_id = :itemId AND id = :id")
                        .param("organisationId", Tenancy.organisationId().toString())
                        .param("itemId", itemId)
                        .param("id", linkId)
                        .update()
                == 1;
    }

    private static EvidenceLink map(ResultSet row, int n) throws SQLException {
        return new EvidenceLink(
                row.getString("id"),
                row.getString("item_id"),
                LinkTarget.valueOf(row.getString("target_kind")),
                row.getString("target_id"),
                Timestamps.instant(row, "created_at"),
                row.getString("created_by"));
    }
}
