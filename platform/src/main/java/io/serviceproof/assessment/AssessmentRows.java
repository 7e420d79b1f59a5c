package io.serviceproof.assessment;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assessments and overrides of the acting organisation. */
@Repository
class AssessmentRows {

    private final JdbcClient jdbc;

    AssessmentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Assessment a) {
        jdbc.sql("""
                        INSERT INTO assessments (id, organisation_id, offering_id, market, title, created_at, created_by)
                        VALUES (:id, :organisationId, :offeringId, :market, :title, :createdAt, :createdBy)
                        """)
                .param("id", a.id())
                .param("organisationId", organisation())
                .param("offeringId", a.offeringId())
                .param("market", a.market())
                .param("title", a.title())
                .param("createdAt", Timestamps.toMillis(a.createdAt()))
                .param("createdBy", a.createdBy())
                .update();
    }

    List<Assessment> findAll() {
        return jdbc.sql(
                        "SELECT * FROM assessments WHERE organisation_id = :organisationId ORDER BY created_at DESC, id")
                .param("organisationId", organisation())
                .query(AssessmentRows::map)
                .list();
    }

    Optional<Assessment> find(String id) {
        return jdbc.sql("SELECT * FROM assessments WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", organisation())
                .param("id", id)
                .query(AssessmentRows::map)
                .optional();
    }

    String snapshot(String id) {
        return jdbc.sql("SELECT snapshot FROM assessments WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", organisation())
                .param("id", id)
                .query(String.class)
                .single();
    }

    /** Freezes an open assessment; false if it was signed off meanwhile. */
    boolean signOff(String id, Instant at, String by, String snapshot, String sha256, double score, long ledgerIndex) {
        return jdbc.sql("""
                                UPDATE assessments SET signed_at = :at, signed_by = :by, snapshot = :snapshot, sha256 = :sha256,
                                       score = :score, ledger_index = :ledgerIndex
                                WHERE organisation_id = :organisationId AND id = :id AND signed_at IS NULL
                                """)
                        .param("at", Timestamps.toMillis(at))
                        .param("by", by)
                        .param("snapshot", snapshot)
                        .param("sha256", sha256)
                        .param("score", score)
                        .param("ledgerIndex", ledgerIndex)
                        .param("organisationId", organisation())
                        .param("id", id)
                        .update()
                == 1;
    }

    void insertOverride(
            String id, String assessmentId, String requirementId, Result result, String reason, Instant at, String by) {
        jdbc.sql("""
                        INSERT INTO assessment_overrides (id, organisation_id, assessment_id, requirement_id, result, reason, at, by_name)
                        VALUES (:id, :organisationId, :assessmentId, :requirementId, :result, :reason, :at, :by)
                        """)
                .param("id", id)
                .param("organisationId", organisation())
                .param("assessmentId", assessmentId)
                .param("requirementId", requirementId)
                .param("result", result.name())
                .param("reason", reason)
                .param("at", Timestamps.toMillis(at))
                .param("by", by)
                .update();
    }

    List<OverrideRecord> overrides(String assessmentId) {
        return jdbc.sql("""
                        SELECT * FROM assessment_overrides WHERE organisation_id = :organisationId AND assessment_id = :id
                        ORDER BY at DESC, id
                        """)
                .param("organisationId", organisation())
                .param("id", assessmentId)
                .query((row, n) -> new OverrideRecord(
                        row.getString("requirement_id"),
                        Result.valueOf(row.getString("result")),
                        row.getString("reason"),
                        Timestamps.instant(row, "at"),
                        row.getString("by_name")))
                .list();
    }

    /** The latest override of each requirement (older ones stay as history). */
    Map<String, AssessmentInputs.Override> latestOverrides(String assessmentId) {
        Map<String, AssessmentInputs.Override> latest = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT * FROM assessment_overrides WHERE organisation_id = :organisationId AND assessment_id = :id
                        ORDER BY at, id
                        """)
                .param("organisationId", organisation())
                .param("id", assessmentId)
                .query((row, n) -> {
                    latest.put(
                            row.getString("requirement_id"),
                            new AssessmentInputs.Override(
                                    Result.valueOf(row.getString("result")),
                                    row.getString("reason"),
                                    row.getString("by_name")));
                    return null;
                })
                .list();
        return latest;
    }

    private static String organisation() {
        return Tenancy.organisationId().toString();
    }

    private static Assessment map(ResultSet row, int n) throws SQLException {
        double score = row.getDouble("score");
        Double scoreOrNull = row.wasNull() ? null : score;
        long index = row.getLong("ledger_index");
        Long indexOrNull = row.wasNull() ? null : index;
        return new Assessment(
                row.getString("id"),
                row.getString("offering_id"),
                row.getString("market"),
                row.getString("title"),
                Timestamps.instant(row, "created_at"),
                row.getString("created_by"),
                Timestamps.instant(row, "signed_at"),
                row.getString("signed_by"),
                row.getString("sha256"),
                scoreOrNull,
                indexOrNull);
    }
}
