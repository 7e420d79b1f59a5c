package io.serviceproof.catalog;

import io.serviceproof.identity.Tenancy;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recognition layer's rows. Their shapes differ by type (arrangement, G2G MRA, acceptance rule,
 * accreditation, conformity result) and are only ever read whole, so each row keeps its record as
 * JSON beside its type rather than in a table per type.
 */
@Repository
class RecognitionRecords {

    static final String ARRANGEMENT = "arrangement";
    static final String G2G_MRA = "g2g-mra";
    static final String ACCEPTANCE_RULE = "acceptance-rule";
    static final String ACCREDITATION = "accreditation";
    static final String CONFORMITY_RESULT = "conformity-result";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    RecognitionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String type, Object record, Provenance provenance, String libraryKey) {
        jdbc.sql("""
                        INSERT INTO catalog_recognition (id, organisation_id, record_type, body, prov_tag, prov_source,
                            verified, prov_reviewer, prov_reviewed_on, library_key)
                        VALUES (:id, :organisationId, :type, :body, :provTag, :provSource, :verified, :reviewer, :reviewedOn, :libraryKey)
                        """)
                .param("id", id)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("type", type)
                .param("body", JSON.writeValueAsString(record))
                .param("provTag", provenance.tag().name())
                .param("provSource", provenance.source())
                .param("verified", provenance.verified())
                .param("reviewer", provenance.reviewer())
                .param("reviewedOn", Frameworks.reviewedOn(provenance))
                .param("libraryKey", libraryKey)
                .update();
    }

    <T> List<Recorded<T>> find(String type, Class<T> recordType) {
        return jdbc.sql("""
                        SELECT * FROM catalog_recognition WHERE organisation_id = :organisationId
                          AND record_type = :type ORDER BY library_key, id
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("type", type)
                .query((row, n) -> new Recorded<>(
                        row.getString("id"),
                        JSON.readValue(row.getString("body"), recordType),
                        Frameworks.provenance(row)))
                .list();
    }

    <T> java.util.Optional<Recorded<T>> findById(String type, String id, Class<T> recordType) {
        return find(type, recordType).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Replaces a row's record (its provenance stays: the row is the same claim, in a new state). */
    boolean updateRecord(String type, String id, Object record) {
        return jdbc.sql("""
                                UPDATE catalog_recognition SET body = :body
                                WHERE id = :id AND organisation_id = :organisationId AND record_type = :type
                                """)
                        .param("body", JSON.writeValueAsString(record))
                        .param("id", id)
                        .param("organisationId", Tenancy.organisationId().toString())
                        .param("type", type)
                        .update()
                == 1;
    }

    List<String> libraryKeys() {
        return LibraryRows.keys(jdbc, "catalog_recognition");
    }

    int deleteUnmodifiedLibraryRows() {
        return LibraryRows.deleteUnmodified(jdbc, "catalog_recognition");
    }
}
