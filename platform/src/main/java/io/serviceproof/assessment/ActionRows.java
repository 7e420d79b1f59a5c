package io.serviceproof.assessment;

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

/** Action-plan rows of the acting organisation. */
@Repository
class ActionRows {

    private final JdbcClient jdbc;

    ActionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Action a) {
        jdbc.sql("""
                        INSERT INTO assessment_actions (id, organisation_id, assessment_id, requirement_id, title, owner_id,
                                                        due_date, status, created_at, created_by, updated_at, source)
                        VALUES (:id, :organisationId, :assessmentId, :requirementId, :title, :ownerId,
                                :dueDate, :status, :createdAt, :createdBy, :createdAt, :source)
                        """)
                .param("id", a.id())
                .param("organisationId", Tenancy.organisationId().toString())
                .param("assessmentId", a.assessmentId())
                .param("requirementId", a.requirementId())
                .param("title", a.title())
                .param("ownerId", a.ownerId())
                .param("dueDate", a.dueDate().toString())
                .param("status", a.status().name())
                .param("createdAt", Timestamps.toMillis(a.createdAt()))
                .param("createdBy", a.createdBy())
                .param("source", a.source())
                .update();
    }

    void update(String id, Action.Status status, LocalDate dueDate, String ownerId, Instant at) {
        jdbc.sql("""
                        UPDATE assessment_actions SET status = :status, due_date = :dueDate, owner_id = :ownerId,
                               updated_at = :at, reminded_for = CASE WHEN due_date = :dueDate THEN reminded_for ELSE '' END
                        WHERE organisation_id = :organisationId AND id = :id
                        """)
                .param("status", status.name())
                .param("dueDate", dueDate.toString())
                .param("ownerId", ownerId)
                .param("at", Timestamps.toMillis(at))
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id)
                .update();
    }

    List<Action> of(String assessmentId) {
        return jdbc.sql("""
                        SELECT * FROM assessment_actions WHERE organisation_id = :organisationId AND assessment_id = :id
                        ORDER BY due_date, id
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", assessmentId)
                .query(ActionRows::map)
                .list();
    }

    Optional<Action> find(String assessmentId, String id) {
        return jdbc.sql("""
                        SELECT * FROM assessment_actions
                        WHERE organisation_id = :organisationId AND assessment_id = :assessmentId AND id = :id
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("assessmentId", assessmentId)
                .param("id", id)
                .query(ActionRows::map)
                .optional();
    }

    /** Open actions due before {@code day} whose owner has not been reminded for this due date. */
    List<Action> overdueUnreminded(LocalDate day) {
        return jdbc.sql("""
                        SELECT * FROM assessment_actions WHERE organisation_id = :organisationId
                          AND status <> 'DONE' AND due_date < :day AND reminded_for <> due_date
                        ORDER BY due_date, id
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("day", day.toString())
                .query(ActionRows::map)
                .list();
    }

    /** Claims the reminder for the action's current due date; false if already sent. */
    boolean claimReminder(String id, LocalDate dueDate) {
        return jdbc.sql("""
                                UPDATE assessment_actions SET reminded_for = :due
                                WHERE organisation_id = :organisationId AND id = :id AND due_date = :due AND reminded_for <> :due
                                """)
                        .param("due", dueDate.toString())
                        .param("organisationId", Tenancy.organisationId().toString())
                        .param("id", id)
                        .update()
                == 1;
    }

    private static Action map(ResultSet row, int n) throws SQLException {
        return new Action(
                row.getString("id"),
                row.getString("assessment_id"),
                row.getString("requirement_id"),
                row.getString("title"),
                row.getString("owner_id"),
                LocalDate.parse(row.getString("due_date")),
                Action.Status.valueOf(row.getString("status")),
                Timestamps.instant(row, "created_at"),
                row.getString("created_by"),
                Timestamps.instant(row, "updated_at"),
                row.getString("source"));
    }
}
