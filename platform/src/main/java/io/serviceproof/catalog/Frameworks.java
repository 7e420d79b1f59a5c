package io.serviceproof.catalog;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Frameworks and their requirements, confined to the acting organisation. */
@Repository
class Frameworks {

    private static final String FRAMEWORK_COLUMNS = """
            f.*, (SELECT COUNT(*) FROM catalog_requirements r WHERE r.framework_id = f.id) AS requirement_count
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Frameworks(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(Framework framework, String libraryKey, Instant now) {
        jdbc.sql("""
                        INSERT INTO catalog_frameworks (id, organisation_id, fkey, name, edition, kind, publisher,
                            jurisdiction, status, summary, oscal_uuid, base_framework_id, prov_tag, prov_source,
                            verified, prov_reviewer, prov_reviewed_on, origin, library_key, locally_modified, created_at)
                        VALUES (:id, :organisationId, :key, :name, :edition, :kind, :publisher, :jurisdiction,
                            :status, :summary, :oscalUuid, :baseFrameworkId, :provTag, :provSource, :verified, :reviewer, :reviewedOn,
                            :origin, :libraryKey, FALSE, :createdAt)
                        """)
                .param("id", framework.id())
                .param("organisationId", Tenancy.organisationId().toString())
                .param("key", framework.key())
                .param("name", framework.name())
                .param("edition", framework.edition())
                .param("kind", framework.kind().name())
                .param("publisher", framework.publisher())
                .param("jurisdiction", framework.jurisdiction())
                .param("status", framework.status())
                .param("summary", framework.summary())
                .param("oscalUuid", framework.oscalUuid())
                .param("baseFrameworkId", framework.baseFrameworkId())
                .param("provTag", framework.provenance().tag().name())
                .param("provSource", framework.provenance().source())
                .param("verified", framework.provenance().verified())
                .param("reviewer", framework.provenance().reviewer())
                .param("reviewedOn", Frameworks.reviewedOn(framework.provenance()))
                .param("origin", framework.origin())
                .param("libraryKey", libraryKey)
                .param("createdAt", Timestamps.toMillis(now))
                .update();
    }

    /** A library release changed a framework nobody edited locally. */
    void updateFromLibrary(String id, Framework framework) {
        jdbc.sql("""
                        UPDATE catalog_frameworks SET name = :name, kind = :kind, publisher = :publisher,
                            jurisdiction = :jurisdiction, status = :status, summary = :summary, prov_tag = :provTag,
                            prov_source = :provSource, verified = :verified, prov_reviewer = :reviewer, prov_reviewed_on = :reviewedOn
                        WHERE organisation_id = :organisationId AND id = :id AND locally_modified = FALSE
                        """)
                .param("name", framework.name())
                .param("kind", framework.kind().name())
                .param("publisher", framework.publisher())
                .param("jurisdiction", framework.jurisdiction())
                .param("status", framework.status())
                .param("summary", framework.summary())
                .param("provTag", framework.provenance().tag().name())
                .param("provSource", framework.provenance().source())
                .param("verified", framework.provenance().verified())
                .param("reviewer", framework.provenance().reviewer())
                .param("reviewedOn", Frameworks.reviewedOn(framework.provenance()))
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id)
                .update();
    }

    void insertRequirements(List<Requirement> requirements) {
        String organisationId = Tenancy.organisationId().toString();
        batch.batchUpdate("""
                INSERT INTO catalog_requirements (id, organisation_id, framework_id, ref_id, parent_ref, title_en,
                    title_zh, kind, position, evidence_types, prov_tag, prov_source, verified, prov_reviewer, prov_reviewed_on, locally_modified)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)
                """, requirements, 500, (statement, requirement) -> {
            statement.setString(1, requirement.id());
            statement.setString(2, organisationId);
            statement.setString(3, requirement.frameworkId());
            statement.setString(4, requirement.refId());
            statement.setString(5, requirement.parentRef());
            statement.setString(6, requirement.titleEn());
            statement.setString(7, requirement.titleZh());
            statement.setString(8, requirement.kind());
            statement.setInt(9, requirement.position());
            statement.setString(10, evidenceColumn(requirement.evidenceTypes()));
            statement.setString(11, requirement.provenance().tag().name());
            statement.setString(12, requirement.provenance().source());
            statement.setBoolean(13, requirement.provenance().verified());
            statement.setString(14, requirement.provenance().reviewer());
            statement.setString(15, reviewedOn(requirement.provenance()));
        });
    }

    /** Library upgrade of a requirement nobody edited; position and parent may move. */
    void updateRequirementFromLibrary(String id, Requirement requirement) {
        jdbc.sql("""
                        UPDATE catalog_requirements SET parent_ref = :parentRef, title_en = :titleEn,
                            title_zh = :titleZh, kind = :kind, position = :position, evidence_types = :evidence,
                            prov_tag = :provTag, prov_source = :provSource, verified = :verified, prov_reviewer = :reviewer, prov_reviewed_on = :reviewedOn
                        WHERE organisation_id = :organisationId AND id = :id AND locally_modified = FALSE
                        """)
                .param("parentRef", requirement.parentRef())
                .param("titleEn", requirement.titleEn())
                .param("titleZh", requirement.titleZh())
                .param("kind", requirement.kind())
                .param("position", requirement.position())
                .param("evidence", evidenceColumn(requirement.evidenceTypes()))
                .param("provTag", requirement.provenance().tag().name())
                .param("provSource", requirement.provenance().source())
                .param("verified", requirement.provenance().verified())
                .param("reviewer", requirement.provenance().reviewer())
                .param("reviewedOn", Frameworks.reviewedOn(requirement.provenance()))
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id)
                .update();
    }

    /** A local edit: from now on library releases leave this requirement alone. */
    int editRequirement(String id, String titleEn, String titleZh, Set<EvidenceType> evidence, Provenance provenance) {
        return jdbc.sql("""
                        UPDATE catalog_requirements SET title_en = :titleEn, title_zh = :titleZh,
                            evidence_types = :evidence, prov_tag = :provTag, prov_source = :provSource,
                            verified = :verified, prov_reviewer = :reviewer, prov_reviewed_on = :reviewedOn,
                            locally_modified = TRUE
                        WHERE organisation_id = :organisationId AND id = :id
                        """)
                .param("titleEn", titleEn)
                .param("titleZh", titleZh)
                .param("evidence", evidenceColumn(evidence))
                .param("provTag", provenance.tag().name())
                .param("provSource", provenance.source())
                .param("verified", provenance.verified())
                .param("reviewer", provenance.reviewer())
                .param("reviewedOn", reviewedOn(provenance))
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id)
                .update();
    }

    void deleteRequirement(String id) {
        jdbc.sql("DELETE FROM catalog_requirements WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id)
                .update();
    }

    List<Framework> findAll() {
        return jdbc.sql("SELECT " + FRAMEWORK_COLUMNS + """
                         FROM catalog_frameworks f WHERE f.organisation_id = :organisationId
                        ORDER BY f.kind, f.name, f.edition
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .query(Frameworks::framework)
                .list();
    }

    Optional<Framework> findById(String id) {
        return jdbc.sql("SELECT " + FRAMEWORK_COLUMNS
                        + " FROM catalog_frameworks f WHERE f.organisation_id = :organisationId AND f.id = :id")
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id)
                .query(Frameworks::framework)
                .optional();
    }

    Optional<Framework> findByReference(String key, String edition) {
        return jdbc.sql("SELECT " + FRAMEWORK_COLUMNS + """
                         FROM catalog_frameworks f
                        WHERE f.organisation_id = :organisationId AND f.fkey = :key AND f.edition = :edition
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("key", key)
                .param("edition", edition)
                .query(Frameworks::framework)
                .optional();
    }

    Optional<Framework> findByLibraryKey(String libraryKey) {
        return jdbc.sql("SELECT " + FRAMEWORK_COLUMNS + """
                         FROM catalog_frameworks f
                        WHERE f.organisation_id = :organisationId AND f.library_key = :libraryKey
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("libraryKey", libraryKey)
                .query(Frameworks::framework)
                .optional();
    }

    List<Requirement> requirements(String frameworkId) {
        return jdbc.sql("""
                        SELECT * FROM catalog_requirements
                        WHERE organisation_id = :organisationId AND framework_id = :frameworkId ORDER BY position
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("frameworkId", frameworkId)
                .query(Frameworks::requirement)
                .list();
    }

    Optional<Requirement> requirement(String id) {
        return jdbc.sql("SELECT * FROM catalog_requirements WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id)
                .query(Frameworks::requirement)
                .optional();
    }

    /** Every requirement of the organisation, in framework order (search index, crosswalk graph). */
    List<Requirement> allRequirements() {
        return jdbc.sql("""
                        SELECT * FROM catalog_requirements WHERE organisation_id = :organisationId
                        ORDER BY framework_id, position
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .query(Frameworks::requirement)
                .list();
    }

    static String evidenceColumn(Set<EvidenceType> evidence) {
        return evidence.stream().sorted().map(Enum::name).collect(Collectors.joining(" "));
    }

    static Set<EvidenceType> evidenceTypes(String column) {
        if (column == null || column.isBlank()) {
            return EnumSet.noneOf(EvidenceType.class);
        }
        return Arrays.stream(column.split(" "))
                .map(EvidenceType::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EvidenceType.class)));
    }

    /** Every catalog table stores provenance in the same five columns; {@code verified} is derived, kept for queries. */
    static Provenance provenance(ResultSet row) throws SQLException {
        String reviewer = row.getString("prov_reviewer");
        String reviewedOn = row.getString("prov_reviewed_on");
        ProvenanceTag tag = ProvenanceTag.valueOf(row.getString("prov_tag"));
        return reviewer == null || reviewedOn == null
                ? Provenance.of(tag, row.getString("prov_source"))
                : Provenance.reviewed(
                        tag, row.getString("prov_source"), reviewer, java.time.LocalDate.parse(reviewedOn));
    }

    /** Review dates are stored as ISO text, the same on SQLite and PostgreSQL. */
    static String reviewedOn(Provenance provenance) {
        return provenance.reviewedOn() == null ? null : provenance.reviewedOn().toString();
    }

    private static Framework framework(ResultSet row, int rowNum) throws SQLException {
        return new Framework(
                row.getString("id"),
                row.getString("fkey"),
                row.getString("name"),
                row.getString("edition"),
                FrameworkKind.valueOf(row.getString("kind")),
                row.getString("publisher"),
                row.getString("jurisdiction"),
                row.getString("status"),
                row.getString("summary"),
                row.getString("oscal_uuid"),
                row.getString("base_framework_id"),
                provenance(row),
                row.getString("origin"),
                row.getBoolean("locally_modified"),
                row.getInt("requirement_count"));
    }

    private static Requirement requirement(ResultSet row, int rowNum) throws SQLException {
        return new Requirement(
                row.getString("id"),
                row.getString("framework_id"),
                row.getString("ref_id"),
                row.getString("parent_ref"),
                row.getString("title_en"),
                row.getString("title_zh"),
                row.getString("kind"),
                row.getInt("position"),
                evidenceTypes(row.getString("evidence_types")),
                provenance(row),
                row.getBoolean("locally_modified"));
    }
}
