package io.serviceproof.attestation;

import io.serviceproof.common.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Findings and log samples. Reached only through an engagement the acting organisation is a party
 * to: every query joins {@code engagements} on the party condition.
 */
@Repository
class FindingRows {

    private static final String PARTY =
            "engagement_id IN (SELECT id FROM engagements WHERE exporter_id = :org OR body_id = :org)";

    private final JdbcClient jdbc;

    FindingRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Finding f) {
        jdbc.sql("""
                        INSERT INTO engagement_findings (id, engagement_id, requirement_id, requirement, grade, reason,
                            evidence_sha256, action_id, status, raised_by, raised_at, closed_by, closed_at)
                        VALUES (:id, :engagement, :requirementId, :requirement, :grade, :reason, :evidence, :action,
                            :status, :by, :at, :closedBy, :closedAt)
                        """)
                .param("id", f.id())
                .param("engagement", f.engagementId())
                .param("requirementId", f.requirementId())
                .param("requirement", f.requirement())
                .param("grade", f.grade().token())
                .param("reason", f.reason())
                .param("evidence", f.evidenceSha256())
                .param("action", f.actionId())
                .param("status", f.status().token())
                .param("by", f.raisedBy())
                .param("at", Timestamps.toMillis(f.raisedAt()))
                .param("closedBy", f.closedBy())
                .param("closedAt", f.closedAt() == null ? null : Timestamps.toMillis(f.closedAt()))
                .update();
    }

    List<Finding> of(String engagementId) {
        return jdbc.sql("SELECT * FROM engagement_findings WHERE engagement_id = :engagement AND " + PARTY
                        + " ORDER BY raised_at, id")
                .param("engagement", engagementId)
                .param("org", EngagementRows.org())
                .query(FindingRows::map)
                .list();
    }

    Optional<Finding> find(String engagementId, String id) {
        return of(engagementId).stream().filter(f -> f.id().equals(id)).findFirst();
    }

    boolean answer(String id, String answer, String by, Instant at) {
        return jdbc.sql("""
                                UPDATE engagement_findings SET status = 'answered', answer = :answer, answered_by = :by,
                                    answered_at = :at
                                WHERE id = :id AND status <> 'closed' AND """ + " " + PARTY)
                        .param("id", id)
                        .param("answer", answer)
                        .param("by", by)
                        .param("at", Timestamps.toMillis(at))
                        .param("org", EngagementRows.org())
                        .update()
                == 1;
    }

    boolean setStatus(String id, Finding.Status from, Finding.Status to, String by, Instant at) {
        return jdbc.sql("""
                                UPDATE engagement_findings SET status = :to, closed_by = :by, closed_at = :at
                                WHERE id = :id AND status = :from AND """ + " " + PARTY)
                        .param("id", id)
                        .param("from", from.token())
                        .param("to", to.token())
                        .param("by", to == Finding.Status.CLOSED ? by : null)
                        .param("at", to == Finding.Status.CLOSED ? Timestamps.toMillis(at) : null)
                        .param("org", EngagementRows.org())
                        .update()
                == 1;
    }

    void insertSample(LogSample s) {
        jdbc.sql("""
                        INSERT INTO engagement_samples (id, engagement_id, log_index, verified, outcome, sampled_by, sampled_at)
                        VALUES (:id, :engagement, :index, :verified, :outcome, :by, :at)
                        """)
                .param("id", s.id())
                .param("engagement", s.engagementId())
                .param("index", s.index())
                .param("verified", s.verified())
                .param("outcome", s.outcome())
                .param("by", s.sampledBy())
                .param("at", Timestamps.toMillis(s.sampledAt()))
                .update();
    }

    List<LogSample> samples(String engagementId) {
        return jdbc.sql("SELECT * FROM engagement_samples WHERE engagement_id = :engagement AND " + PARTY
                        + " ORDER BY sampled_at, id")
                .param("engagement", engagementId)
                .param("org", EngagementRows.org())
                .query((row, n) -> new LogSample(
                        row.getString("id"),
                        row.getString("engagement_id"),
                        row.getLong("log_index"),
                        row.getBoolean("verified"),
                        row.getString("outcome"),
                        row.getString("sampled_by"),
                        Timestamps.instant(row, "sampled_at"),
                        null,
                        null))
                .list();
    }

    private static Finding map(ResultSet row, int n) throws SQLException {
        return new Finding(
                row.getString("id"),
                row.getString("engagement_id"),
                row.getString("requirement_id"),
                row.getString("requirement"),
                Finding.Grade.fromToken(row.getString("grade")),
                row.getString("reason"),
                row.getString("evidence_sha256"),
                row.getString("action_id"),
                Finding.Status.valueOf(row.getString("status").toUpperCase(java.util.Locale.ROOT)),
                row.getString("answer"),
                row.getString("answered_by"),
                Timestamps.instant(row, "answered_at"),
                row.getString("raised_by"),
                Timestamps.instant(row, "raised_at"),
                row.getString("closed_by"),
                Timestamps.instant(row, "closed_at"));
    }
}
