package io.serviceproof.catalog;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Crosswalk rows and their history, confined to the acting organisation. */
@Repository
class Mappings {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Mappings(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record Row(Mapping mapping, String libraryKey) {}

    void insert(List<Row> rows) {
        String organisationId = Tenancy.organisationId().toString();
        batch.batchUpdate("""
                INSERT INTO catalog_mappings (id, organisation_id, source_id, target_id, relationship, rationale,
                    strength, confidence, status, method, note, prov_tag, prov_source, verified, prov_reviewer, prov_reviewed_on, library_key,
                    locally_modified, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)
                """, rows, 500, (statement, row) -> {
            Mapping mapping = row.mapping();
            statement.setString(1, mapping.id());
            statement.setString(2, organisationId);
            statement.setString(3, mapping.sourceId());
            statement.setString(4, mapping.targetId());
            statement.setString(5, mapping.relationship().name());
            statement.setString(6, mapping.rationale().name());
            statement.setObject(7, mapping.strength());
            statement.setString(8, mapping.confidence().name());
            statement.setString(9, mapping.status().name());
            statement.setString(10, mapping.method());
            statement.setString(11, mapping.note());
            statement.setString(12, mapping.provenance().tag().name());
            statement.setString(13, mapping.provenance().source());
            statement.setBoolean(14, mapping.provenance().verified());
            statement.setString(15, mapping.provenance().reviewer());
            statement.setString(16, Frameworks.reviewedOn(mapping.provenance()));
            statement.setString(17, row.libraryKey());
            statement.setLong(18, Timestamps.toMillis(mapping.updatedAt()));
            statement.setString(19, mapping.updatedBy());
        });
    }

    /** A local change (confirm, reject, edit): library releases leave the row alone afterwards. */
    void update(Mapping mapping) {
        jdbc.sql("""
                        UPDATE catalog_mappings SET relationship = :relationship, rationale = :rationale,
                            strength = :strength, confidence = :confidence, status = :status, method = :method,
                            note = :note, verified = :verified, prov_reviewer = :reviewer, prov_reviewed_on = :reviewedOn, locally_modified = TRUE, updated_at = :updatedAt,
                            updated_by = :updatedBy
                        WHERE organisation_id = :organisationId AND id = :id
                        """)
                .param("relationship", mapping.relationship().name())
                .param("rationale", mapping.rationale().name())
                .param("strength", mapping.strength())
                .param("confidence", mapping.confidence().name())
                .param("status", mapping.status().name())
                .param("method", mapping.method())
                .param("note", mapping.note())
                .param("verified", mapping.provenance().verified())
                .param("reviewer", mapping.provenance().reviewer())
                .param("reviewedOn", Frameworks.reviewedOn(mapping.provenance()))
                .param("updatedAt", Timestamps.toMillis(mapping.updatedAt()))
                .param("updatedBy", mapping.updatedBy())
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", mapping.id())
                .update();
    }

    Optional<Mapping> findById(String id) {
        return jdbc.sql("SELECT * FROM catalog_mappings WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id)
                .query(Mappings::map)
                .optional();
    }

    Optional<Mapping> findBetween(String sourceId, String targetId) {
        return jdbc
                .sql("""
                        SELECT * FROM catalog_mappings WHERE organisation_id = :organisationId
                          AND ((source_id = :a AND target_id = :b) OR (source_id = :b AND target_id = :a))
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("a", sourceId)
                .param("b", targetId)
                .query(Mappings::map)
                .list()
                .stream()
                .findFirst();
    }

    List<Mapping> findAll() {
        return jdbc.sql("SELECT * FROM catalog_mappings WHERE organisation_id = :organisationId ORDER BY id")
                .param("organisationId", Tenancy.organisationId().toString())
                .query(Mappings::map)
                .list();
    }

    List<Mapping> findByStatus(Set<MappingStatus> statuses) {
        return jdbc.sql("""
                        SELECT * FROM catalog_mappings WHERE organisation_id = :organisationId
                          AND status IN (:statuses) ORDER BY updated_at DESC, id
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(Mappings::map)
                .list();
    }

    List<Mapping> touching(String requirementId) {
        return jdbc.sql("""
                        SELECT * FROM catalog_mappings WHERE organisation_id = :organisationId
                          AND (source_id = :id OR target_id = :id) ORDER BY id
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", requirementId)
                .query(Mappings::map)
                .list();
    }

    List<String> libraryKeys() {
        return LibraryRows.keys(jdbc, "catalog_mappings");
    }

    /** Drops library rows nobody touched, before a newer library release inserts its own. */
    int deleteUnmodifiedLibraryRows() {
        return LibraryRows.deleteUnmodified(jdbc, "catalog_mappings");
    }

    void recordHistory(
            String id, String mappingId, java.time.Instant at, String actor, String action, String snapshot) {
        jdbc.sql("""
                        INSERT INTO catalog_mapping_history (id, organisation_id, mapping_id, at, actor, action, snapshot)
                        VALUES (:id, :organisationId, :mappingId, :at, :actor, :action, :snapshot)
                        """)
                .param("id", id)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("mappingId", mappingId)
                .param("at", Timestamps.toMillis(at))
                .param("actor", actor)
                .param("action", action)
                .param("snapshot", snapshot)
                .update();
    }

    List<MappingChange> history(String mappingId) {
        return jdbc.sql("""
                        SELECT * FROM catalog_mapping_history
                        WHERE organisation_id = :organisationId AND mapping_id = :mappingId ORDER BY at, id
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("mappingId", mappingId)
                .query((row, n) -> new MappingChange(
                        Timestamps.instant(row, "at"),
                        row.getString("actor"),
                        row.getString("action"),
                        row.getString("snapshot")))
                .list();
    }

    private static Mapping map(ResultSet row, int rowNum) throws SQLException {
        Integer strength = row.getObject("strength") == null ? null : row.getInt("strength");
        return new Mapping(
                row.getString("id"),
                row.getString("source_id"),
                row.getString("target_id"),
                Relationship.valueOf(row.getString("relationship")),
                Rationale.valueOf(row.getString("rationale")),
                strength,
                Confidence.valueOf(row.getString("confidence")),
                MappingStatus.valueOf(row.getString("status")),
                row.getString("method"),
                row.getString("note"),
                Frameworks.provenance(row),
                row.getBoolean("locally_modified"),
                Timestamps.instant(row, "updated_at"),
                row.getString("updated_by"));
    }
}
