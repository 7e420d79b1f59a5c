package io.serviceproof.catalog;

import io.serviceproof.identity.Tenancy;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows the starter library owns (library_key set) in any catalog table: which are there, and
 * dropping those nobody edited before a newer release inserts its own.
 */
final class LibraryRows {

    private LibraryRows() {}

    static List<String> keys(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT library_key FROM " + table
                        + " WHERE organisation_id = :organisationId AND library_key IS NOT NULL")
                .param("organisationId", Tenancy.organisationId().toString())
                .query(String.class)
                .list();
    }

    static int deleteUnmodified(JdbcClient jdbc, String table) {
        return jdbc.sql("DELETE FROM " + table + " WHERE organisation_id = :organisationId"
                        + " AND library_key IS NOT NULL AND locally_modified = FALSE")
                .param("organisationId", Tenancy.organisationId().toString())
                .update();
    }
}
