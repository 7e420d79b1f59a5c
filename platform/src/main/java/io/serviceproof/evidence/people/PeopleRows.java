package io.serviceproof.evidence.people;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Technicians, qualifications, layer tasks and authorisations of the acting organisation. */
@Repository
class PeopleRows {

    private final JdbcClient jdbc;

    PeopleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Technician t) {
        jdbc.sql("""
                        INSERT INTO technicians (id, organisation_id, name, email, employer, roles, user_id, active, created_at)
                        VALUES (:id, :organisationId, :name, :email, :employer, :roles, :userId, :active, :createdAt)
                        """)
                .param("id", t.id())
                .param("organisationId", organisation())
                .param("name", t.name())
                .param("email", t.email())
                .param("employer", t.employer())
                .param("roles", String.join("\n", t.roles()))
                .param("userId", t.userId())
                .param("active", t.active())
                .param("createdAt", Timestamps.toMillis(t.createdAt()))
                .update();
    }

    List<Technician> technicians() {
        return jdbc.sql("SELECT * FROM technicians WHERE organisation_id = :organisationId ORDER BY name, id")
                .param("organisationId", organisation())
                .query(PeopleRows::technician)
                .list();
    }

    Optional<Technician> technician(String id) {
        return jdbc.sql("SELECT * FROM technicians WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", organisation())
                .param("id", id)
                .query(PeopleRows::technician)
                .optional();
    }

    void insert(Qualification q) {
        jdbc.sql("""
                        INSERT INTO qualifications (id, organisation_id, technician_id, kind, name, issuer, number, scope,
                                                    obtained_on, valid_until, evidence_id, created_at, created_by)
                        VALUES (:id, :organisationId, :technicianId, :kind, :name, :issuer, :number, :scope,
                                :obtainedOn, :validUntil, :evidenceId, :createdAt, :createdBy)
                        """)
                .param("id", q.id())
                .param("organisationId", organisation())
                .param("technicianId", q.technicianId())
                .param("kind", q.kind().name())
                .param("name", q.name())
                .param("issuer", q.issuer())
                .param("number", q.number())
                .param("scope", q.scope())
                .param("obtainedOn", q.obtainedOn().toString())
                .param(
                        "validUntil",
                        q.validUntil() == null ? null : q.validUntil().toString())
                .param("evidenceId", q.evidenceId())
                .param("createdAt", Timestamps.toMillis(q.createdAt()))
                .param("createdBy", q.createdBy())
                .update();
    }

    List<Qualification> qualifications() {
        return jdbc.sql("""
                        SELECT * FROM qualifications WHERE organisation_id = :organisationId
                        ORDER BY technician_id, obtained_on DESC, id
                        """)
                .param("organisationId", organisation())
                .query(PeopleRows::qualification)
                .list();
    }

    List<Qualification> qualificationsOf(String technicianId) {
        return jdbc.sql("""
                        SELECT * FROM qualifications WHERE organisation_id = :organisationId AND technician_id = :technicianId
                        ORDER BY obtained_on DESC, id
                        """)
                .param("organisationId", organisation())
                .param("technicianId", technicianId)
                .query(PeopleRows::qualification)
                .list();
    }

    /** Qualifications whose validity ends on or before {@code until}, soonest first. */
    List<Qualification> endingBy(LocalDate until) {
        return jdbc.sql("""
                        SELECT * FROM qualifications WHERE organisation_id = :organisationId
                          AND valid_until IS NOT NULL AND valid_until <= :until
                        ORDER BY valid_until, id
                        """)
                .param("organisationId", organisation())
                .param("until", until.toString())
                .query(PeopleRows::qualification)
                .list();
    }

    /** Records that a notice went out; false if another run already sent this one. */
    boolean markNoticed(String qualificationId, String from, String to) {
        return jdbc.sql("""
                                UPDATE qualifications SET expiry_noticed = :to
                                WHERE organisation_id = :organisationId AND id = :id AND expiry_noticed = :from
                                """)
                        .param("to", to)
                        .param("from", from)
                        .param("organisationId", organisation())
                        .param("id", qualificationId)
                        .update()
                == 1;
    }

    String noticed(String qualificationId) {
        return jdbc.sql(
                        "SELECT expiry_noticed FROM qualifications WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", organisation())
                .param("id", qualificationId)
                .query(String.class)
                .single();
    }

    void insert(LayerTask task, java.time.Instant at) {
        jdbc.sql("""
                        INSERT INTO layer_tasks (id, organisation_id, layer_id, task, required_scope, created_at)
                        VALUES (:id, :organisationId, :layerId, :task, :scope, :at)
                        """)
                .param("id", task.id())
                .param("organisationId", organisation())
                .param("layerId", task.layerId())
                .param("task", task.task())
                .param("scope", task.requiredScope())
                .param("at", Timestamps.toMillis(at))
                .update();
    }

    List<LayerTask> tasks(String layerId) {
        return jdbc.sql("""
                        SELECT * FROM layer_tasks WHERE organisation_id = :organisationId AND layer_id = :layerId
                        ORDER BY created_at, id
                        """)
                .param("organisationId", organisation())
                .param("layerId", layerId)
                .query((row, n) -> new LayerTask(
                        row.getString("id"),
                        row.getString("layer_id"),
                        row.getString("task"),
                        row.getString("required_scope")))
                .list();
    }

    List<LayerTask> allTasks() {
        return jdbc.sql(
                        "SELECT * FROM layer_tasks WHERE organisation_id = :organisationId ORDER BY layer_id, created_at, id")
                .param("organisationId", organisation())
                .query((row, n) -> new LayerTask(
                        row.getString("id"),
                        row.getString("layer_id"),
                        row.getString("task"),
                        row.getString("required_scope")))
                .list();
    }

    Optional<LayerTask> task(String id) {
        return jdbc.sql("SELECT * FROM layer_tasks WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", organisation())
                .param("id", id)
                .query((row, n) -> new LayerTask(
                        row.getString("id"),
                        row.getString("layer_id"),
                        row.getString("task"),
                        row.getString("required_scope")))
                .optional();
    }

    boolean taskExists(String layerId, String task) {
        return jdbc.sql("""
                                SELECT COUNT(*) FROM layer_tasks
                                WHERE organisation_id = :organisationId AND layer_id = :layerId AND task = :task
                                """)
                        .param("organisationId", organisation())
                        .param("layerId", layerId)
                        .param("task", task)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(Authorisation a) {
        jdbc.sql("""
                        INSERT INTO authorisations (id, organisation_id, technician_id, task_id, granted_at, granted_by)
                        VALUES (:id, :organisationId, :technicianId, :taskId, :at, :by)
                        """)
                .param("id", a.id())
                .param("organisationId", organisation())
                .param("technicianId", a.technicianId())
                .param("taskId", a.taskId())
                .param("at", Timestamps.toMillis(a.grantedAt()))
                .param("by", a.grantedBy())
                .update();
    }

    List<Authorisation> authorisations() {
        return jdbc.sql("SELECT * FROM authorisations WHERE organisation_id = :organisationId ORDER BY granted_at, id")
                .param("organisationId", organisation())
                .query((row, n) -> new Authorisation(
                        row.getString("id"),
                        row.getString("technician_id"),
                        row.getString("task_id"),
                        Timestamps.instant(row, "granted_at"),
                        row.getString("granted_by")))
                .list();
    }

    boolean deleteAuthorisation(String technicianId, String id) {
        return jdbc.sql("""
                                DELETE FROM authorisations
                                WHERE organisation_id = :organisationId AND technician_id = :technicianId AND id = :id
                                """)
                        .param("organisationId", organisation())
                        .param("technicianId", technicianId)
                        .param("id", id)
                        .update()
                == 1;
    }

    private static String organisation() {
        return Tenancy.organisationId().toString();
    }

    private static Technician technician(ResultSet row, int n) throws SQLException {
        String roles = row.getString("roles");
        return new Technician(
                row.getString("id"),
                row.getString("name"),
                row.getString("email"),
                row.getString("employer"),
                roles.isEmpty() ? List.of() : Arrays.asList(roles.split("\n")),
                row.getString("user_id"),
                row.getBoolean("active"),
                Timestamps.instant(row, "created_at"));
    }

    private static Qualification qualification(ResultSet row, int n) throws SQLException {
        String validUntil = row.getString("valid_until");
        return new Qualification(
                row.getString("id"),
                row.getString("technician_id"),
                Qualification.Kind.valueOf(row.getString("kind")),
                row.getString("name"),
                row.getString("issuer"),
                row.getString("number"),
                row.getString("scope"),
                LocalDate.parse(row.getString("obtained_on")),
                validUntil == null ? null : LocalDate.parse(validUntil),
                row.getString("evidence_id"),
                Timestamps.instant(row, "created_at"),
                row.getString("created_by"));
    }
}
