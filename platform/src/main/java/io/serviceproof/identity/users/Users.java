package io.serviceproof.identity.users;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** User rows. Every read and write is confined to the acting organisation, except sign-in lookup. */
@Repository
class Users {

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UserAccount user, String passwordHash) {
        jdbc.sql("""
                        INSERT INTO users (id, organisation_id, email, display_name, role, password_hash, active, created_at)
                        VALUES (:id, :organisationId, :email, :displayName, :role, :passwordHash, :active, :createdAt)
                        """)
                .param("id", user.id().toString())
                .param("organisationId", Tenancy.organisationId().toString())
                .param("email", user.email())
                .param("displayName", user.displayName())
                .param("role", user.role().name())
                .param("passwordHash", passwordHash)
                .param("active", user.active())
                .param("createdAt", Timestamps.toMillis(user.createdAt()))
                .update();
    }

    List<UserAccount> findAll() {
        return jdbc.sql("SELECT * FROM users WHERE organisation_id = :organisationId ORDER BY email")
                .param("organisationId", Tenancy.organisationId().toString())
                .query(Users::map)
                .list();
    }

    Optional<UserAccount> findById(UserId id) {
        return jdbc.sql("SELECT * FROM users WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id.toString())
                .query(Users::map)
                .optional();
    }

    boolean emailTaken(String email) {
        // Deliberately across organisations: an e-mail signs in to exactly one organisation.
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :email")
                        .param("email", email)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void deactivate(UserId id, Instant at) {
        jdbc.sql("""
                        UPDATE users SET active = FALSE, deactivated_at = :at
                        WHERE organisation_id = :organisationId AND id = :id
                        """)
                .param("at", Timestamps.toMillis(at))
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id.toString())
                .update();
    }

    long countActiveOwners() {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM users WHERE organisation_id = :organisationId AND active = TRUE AND role = 'OWNER'")
                .param("organisationId", Tenancy.organisationId().toString())
                .query(Long.class)
                .single();
    }

    long countActive() {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE organisation_id = :organisationId AND active = TRUE")
                .param("organisationId", Tenancy.organisationId().toString())
                .query(Long.class)
                .single();
    }

    /**
     * Sign-in happens before anyone acts for an organisation, so this is the one lookup that is not
     * tenant-filtered; it returns the organisation with the credentials.
     */
    Optional<Credentials> findCredentials(String email) {
        return jdbc.sql("SELECT * FROM users WHERE email = :email")
                .param("email", email)
                .query((row, n) -> new Credentials(
                        OrganisationId.parse(row.getString("organisation_id")),
                        map(row, n),
                        row.getString("password_hash")))
                .optional();
    }

    Optional<Role> activeRole(UserId id, OrganisationId organisationId) {
        return jdbc.sql("SELECT role FROM users WHERE organisation_id = :organisationId AND id = :id AND active = TRUE")
                .param("organisationId", organisationId.toString())
                .param("id", id.toString())
                .query(String.class)
                .optional()
                .map(Role::valueOf);
    }

    void changeRole(UserId id, Role role) {
        jdbc.sql("UPDATE users SET role = :role WHERE organisation_id = :organisationId AND id = :id")
                .param("role", role.name())
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id.toString())
                .update();
    }

    private static UserAccount map(ResultSet row, int rowNum) throws SQLException {
        return new UserAccount(
                new UserId(UUID.fromString(row.getString("id"))),
                row.getString("email"),
                row.getString("display_name"),
                Role.valueOf(row.getString("role")),
                row.getBoolean("active"),
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "deactivated_at"));
    }
}
