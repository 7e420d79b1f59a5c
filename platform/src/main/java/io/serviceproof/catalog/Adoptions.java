package io.serviceproof.catalog;

import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** National adoptions, confined to the acting organisation. */
@Repository
class Adoptions {

    private final JdbcClient jdbc;

    Adoptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Adoption adoption, String libraryKey) {
        jdbc.sql("""
                        INSERT INTO catalog_adoptions (id, organisation_id, national_id, country, base_key,
                            base_edition, degree, deviations, issued, effective, status, national_key,
                            national_edition, prov_tag, prov_source, verified, prov_reviewer, prov_reviewed_on, library_key)
                        VALUES (:id, :organisationId, :nationalId, :country, :baseKey, :baseEdition, :degree,
                            :deviations, :issued, :effective, :status, :nationalKey, :nationalEdition, :provTag,
                            :provSource, :verified, :reviewer, :reviewedOn, :libraryKey)
                        """)
                .param("id", adoption.id())
                .param("organisationId", Tenancy.organisationId().toString())
                .param("nationalId", adoption.nationalId())
                .param("country", adoption.country())
                .param("baseKey", adoption.baseKey())
                .param("baseEdition", adoption.baseEdition())
                .param("degree", adoption.degree().name())
                .param("deviations", adoption.deviations())
                .param("issued", adoption.issued())
                .param("effective", adoption.effective())
                .param("status", adoption.status())
                .param("nationalKey", adoption.nationalKey())
                .param("nationalEdition", adoption.nationalEdition())
                .param("provTag", adoption.provenance().tag().name())
                .param("provSource", adoption.provenance().source())
                .param("verified", adoption.provenance().verified())
                .param("reviewer", adoption.provenance().reviewer())
                .param("reviewedOn", Frameworks.reviewedOn(adoption.provenance()))
                .param("libraryKey", libraryKey)
                .update();
    }

    List<Adoption> findAll() {
        return jdbc.sql("""
                        SELECT * FROM catalog_adoptions WHERE organisation_id = :organisationId
                        ORDER BY base_key, base_edition DESC, country
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .query(Adoptions::map)
                .list();
    }

    List<String> libraryKeys() {
        return LibraryRows.keys(jdbc, "catalog_adoptions");
    }

    int deleteUnmodifiedLibraryRows() {
        return LibraryRows.deleteUnmodified(jdbc, "catalog_adoptions");
    }

    private static Adoption map(ResultSet row, int rowNum) throws SQLException {
        return new Adoption(
                row.getString("id"),
                row.getString("national_id"),
                row.getString("country"),
                row.getString("base_key"),
                row.getString("base_edition"),
                AdoptionDegree.valueOf(row.getString("degree")),
                row.getString("deviations"),
                row.getString("issued"),
                row.getString("effective"),
                row.getString("status"),
                row.getString("national_key"),
                row.getString("national_edition"),
                Frameworks.provenance(row));
    }
}
