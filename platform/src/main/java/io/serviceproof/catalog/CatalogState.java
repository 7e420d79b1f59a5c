package io.serviceproof.catalog;

import io.serviceproof.identity.Tenancy;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which library release an organisation has, and a revision that moves with every catalog change. */
@Repository
class CatalogState {

    private final JdbcClient jdbc;

    CatalogState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> libraryVersion() {
        return jdbc.sql("SELECT library_version FROM catalog_state WHERE organisation_id = :organisationId")
                .param("organisationId", Tenancy.organisationId().toString())
                .query(String.class)
                .optional();
    }

    long revision() {
        return jdbc.sql("SELECT revision FROM catalog_state WHERE organisation_id = :organisationId")
                .param("organisationId", Tenancy.organisationId().toString())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    void recordLibrary(String version) {
        int updated = jdbc.sql("""
                        UPDATE catalog_state SET library_version = :version, revision = revision + 1
                        WHERE organisation_id = :organisationId
                        """)
                .param("version", version)
                .param("organisationId", Tenancy.organisationId().toString())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO catalog_state (organisation_id, library_version, revision)
                            VALUES (:organisationId, :version, 1)
                            """)
                    .param("organisationId", Tenancy.organisationId().toString())
                    .param("version", version)
                    .update();
        }
    }

    /** Called by every change to frameworks or requirements, so search indexes know to rebuild. */
    void bump() {
        int updated = jdbc.sql(
                        "UPDATE catalog_state SET revision = revision + 1 WHERE organisation_id = :organisationId")
                .param("organisationId", Tenancy.organisationId().toString())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO catalog_state (organisation_id, library_version, revision)
                            VALUES (:organisationId, '', 1)
                            """)
                    .param("organisationId", Tenancy.organisationId().toString())
                    .update();
        }
    }
}
