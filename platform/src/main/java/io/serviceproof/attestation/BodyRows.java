package io.serviceproof.attestation;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.OrganisationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bodies and their accreditations. Read by organisation id given explicitly: a body's registration
 * and accreditations are what it shows to exporters and buyers (its public face), never its data.
 */
@Repository
class BodyRows {

    private final JdbcClient jdbc;

    BodyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void register(OrganisationId organisation, List<BodyKind> kinds, String by, Instant at) {
        jdbc.sql("""
                        INSERT INTO conformity_bodies (organisation_id, kinds, registered_by, registered_at)
                        VALUES (:org, :kinds, :by, :at)
                        ON CONFLICT (organisation_id) DO UPDATE SET kinds = :kinds
                        """)
                .param("org", organisation.toString())
                .param(
                        "kinds",
                        String.join(",", kinds.stream().map(BodyKind::token).toList()))
                .param("by", by)
                .param("at", Timestamps.toMillis(at))
                .update();
    }

    Optional<List<BodyKind>> kinds(OrganisationId organisation) {
        return jdbc.sql("SELECT kinds FROM conformity_bodies WHERE organisation_id = :org")
                .param("org", organisation.toString())
                .query(String.class)
                .optional()
                .map(text ->
                        Arrays.stream(text.split(",")).map(BodyKind::fromToken).toList());
    }

    Optional<Instant> registeredAt(OrganisationId organisation) {
        return jdbc.sql("SELECT registered_at FROM conformity_bodies WHERE organisation_id = :org")
                .param("org", organisation.toString())
                .query(Long.class)
                .optional()
                .map(Instant::ofEpochMilli);
    }

    void insert(OrganisationId organisation, BodyAccreditation a) {
        jdbc.sql("""
                        INSERT INTO body_accreditations (id, organisation_id, accreditation_body, scheme, standards, sectors,
                            certificate_number, valid_from, valid_to, evidence_url, recorded_by, recorded_at)
                        VALUES (:id, :org, :ab, :scheme, :standards, :sectors, :number, :from, :to, :url, :by, :at)
                        """)
                .param("id", a.id())
                .param("org", organisation.toString())
                .param("ab", a.accreditationBody())
                .param("scheme", a.scheme())
                .param("standards", String.join(",", a.standards()))
                .param("sectors", String.join(",", a.sectors()))
                .param("number", a.certificateNumber())
                .param("from", a.validFrom().toString())
                .param("to", a.validTo().toString())
                .param("url", a.evidenceUrl())
                .param("by", a.recordedBy())
                .param("at", Timestamps.toMillis(a.recordedAt()))
                .update();
    }

    List<BodyAccreditation> accreditations(OrganisationId organisation) {
        return jdbc.sql("SELECT * FROM body_accreditations WHERE organisation_id = :org ORDER BY valid_to DESC, id")
                .param("org", organisation.toString())
                .query(BodyRows::map)
                .list();
    }

    boolean numberTaken(OrganisationId organisation, String number) {
        return jdbc.sql("""
                                SELECT COUNT(*) FROM body_accreditations
                                WHERE organisation_id = :org AND certificate_number = :number
                                """)
                        .param("org", organisation.toString())
                        .param("number", number)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static BodyAccreditation map(ResultSet row, int n) throws SQLException {
        return new BodyAccreditation(
                row.getString("id"),
                row.getString("accreditation_body"),
                row.getString("scheme"),
                split(row.getString("standards")),
                split(row.getString("sectors")),
                row.getString("certificate_number"),
                LocalDate.parse(row.getString("valid_from")),
                LocalDate.parse(row.getString("valid_to")),
                row.getString("evidence_url"),
                row.getString("recorded_by"),
                Timestamps.instant(row, "recorded_at"));
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
    }
}
