package io.serviceproof.identity;

import io.serviceproof.common.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tenants themselves. The only table that is not filtered by the acting organisation: a slug
 * must be resolvable before anyone acts (sign-in, public log URLs, the admin command line).
 */
@Repository
class Organisations {

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Organisation organisation) {
        jdbc.sql("""
                        INSERT INTO organisations (id, slug, name, description, log_public, created_at)
                        VALUES (:id, :slug, :name, :description, :logPublic, :createdAt)
                        """)
                .param("id", organisation.id().toString())
                .param("slug", organisation.slug())
                .param("name", organisation.name())
                .param("description", organisation.description())
                .param("logPublic", organisation.logPublic())
                .param("createdAt", Timestamps.toMillis(organisation.createdAt()))
                .update();
    }

    Optional<Organisation> findBySlug(String slug) {
        return jdbc.sql("SELECT * FROM organisations WHERE slug = :slug")
                .param("slug", slug)
                .query(Organisations::map)
                .optional();
    }

    Optional<Organisation> findById(OrganisationId id) {
        return jdbc.sql("SELECT * FROM organisations WHERE id = :id")
                .param("id", id.toString())
                .query(Organisations::map)
                .optional();
    }

    List<Organisation> findAll() {
        return jdbc.sql("SELECT * FROM organisations ORDER BY slug")
                .query(Organisations::map)
                .list();
    }

    private static Organisation map(ResultSet row, int rowNum) throws SQLException {
        return new Organisation(
                OrganisationId.parse(row.getString("id")),
                row.getString("slug"),
                row.getString("name"),
                row.getString("description"),
                row.getBoolean("log_public"),
                Timestamps.instant(row, "created_at"));
    }
}
