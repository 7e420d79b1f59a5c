package io.serviceproof.services;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Offerings of the acting organisation. */
@Repository
class OfferingRows {

    private final JdbcClient jdbc;

    OfferingRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Offering offering) {
        jdbc.sql("""
                        INSERT INTO service_offerings (id, organisation_id, name, description, hardware, markets,
                                                       created_at, created_by)
                        VALUES (:id, :organisationId, :name, :description, :hardware, :markets, :createdAt, :createdBy)
                        """)
                .param("id", offering.id())
                .param("organisationId", Tenancy.organisationId().toString())
                .param("name", offering.name())
                .param("description", offering.description())
                .param("hardware", offering.hardware())
                .param("markets", String.join(" ", offering.markets()))
                .param("createdAt", Timestamps.toMillis(offering.createdAt()))
                .param("createdBy", offering.createdBy())
                .update();
    }

    List<Offering> findAll() {
        return jdbc.sql("SELECT * FROM service_offerings WHERE organisation_id = :organisationId ORDER BY name, id")
                .param("organisationId", Tenancy.organisationId().toString())
                .query(OfferingRows::map)
                .list();
    }

    Optional<Offering> find(String id) {
        return jdbc.sql("SELECT * FROM service_offerings WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id)
                .query(OfferingRows::map)
                .optional();
    }

    private static Offering map(ResultSet row, int n) throws SQLException {
        String markets = row.getString("markets");
        return new Offering(
                row.getString("id"),
                row.getString("name"),
                row.getString("description"),
                row.getString("hardware"),
                markets.isBlank() ? List.of() : Arrays.asList(markets.split(" ")),
                Timestamps.instant(row, "created_at"),
                row.getString("created_by"));
    }
}
