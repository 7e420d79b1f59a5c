package io.serviceproof.attestation;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Engagements, their findings and log samples. Every read is confined to engagements the acting
 * organisation is a party to, as exporter or as body: a third organisation sees nothing, not even
 * that an engagement exists.
 */
@Repository
class EngagementRows {

    private static final String PARTY = "(exporter_id = :org OR body_id = :org)";

    private final JdbcClient jdbc;

    EngagementRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Engagement e, String snapshot) {
        jdbc.sql("""
                        INSERT INTO engagements (id, exporter_id, body_id, credential_id, assessment_id, market, framework,
                            attestation_type, witness_name, access_until, snapshot, snapshot_sha256, invited_by, invited_at)
                        VALUES (:id, :exporter, :body, :credential, :assessment, :market, :framework, :kind, :witness,
                            :until, :snapshot, :sha, :by, :at)
                        """)
                .param("id", e.id())
                .param("exporter", e.exporterId().toString())
                .param("body", e.bodyId().toString())
                .param("credential", e.credentialId())
                .param("assessment", e.assessmentId())
                .param("market", e.market())
                .param("framework", e.framework())
                .param("kind", e.kind().token())
                .param("witness", e.witnessName())
                .param("until", Timestamps.toMillis(e.accessUntil()))
                .param("snapshot", snapshot)
                .param("sha", e.snapshotSha256())
                .param("by", e.invitedBy())
                .param("at", Timestamps.toMillis(e.invitedAt()))
                .update();
    }

    List<Engagement> all() {
        return jdbc.sql("SELECT * FROM engagements WHERE " + PARTY + " ORDER BY invited_at DESC, id")
                .param("org", org())
                .query(EngagementRows::map)
                .list();
    }

    Optional<Engagement> find(String id) {
        return jdbc.sql("SELECT * FROM engagements WHERE id = :id AND " + PARTY)
                .param("id", id)
                .param("org", org())
                .query(EngagementRows::map)
                .optional();
    }

    Optional<String> snapshot(String id) {
        return jdbc.sql("SELECT snapshot FROM engagements WHERE id = :id AND " + PARTY)
                .param("id", id)
                .param("org", org())
                .query(String.class)
                .optional();
    }

    boolean end(String id, String by, Instant at) {
        return jdbc.sql("""
                                UPDATE engagements SET ended_by = :by, ended_at = :at
                                WHERE id = :id AND exporter_id = :org AND ended_at IS NULL
                                """)
                        .param("id", id)
                        .param("org", org())
                        .param("by", by)
                        .param("at", Timestamps.toMillis(at))
                        .update()
                == 1;
    }

    boolean attested(String id, String credentialId, Instant at) {
        return jdbc.sql("""
                                UPDATE engagements SET attestation_id = :credential, attested_at = :at
                                WHERE id = :id AND body_id = :org AND attestation_id IS NULL
                                """)
                        .param("id", id)
                        .param("org", org())
                        .param("credential", credentialId)
                        .param("at", Timestamps.toMillis(at))
                        .update()
                == 1;
    }

    /** The engagement a body's credential concludes, found from the body's side (for withdrawal). */
    Optional<Engagement> byAttestation(String credentialId) {
        return jdbc.sql("SELECT * FROM engagements WHERE attestation_id = :credential AND body_id = :org")
                .param("credential", credentialId)
                .param("org", org())
                .query(EngagementRows::map)
                .optional();
    }

    private static Engagement map(ResultSet row, int n) throws SQLException {
        return new Engagement(
                row.getString("id"),
                OrganisationId.parse(row.getString("exporter_id")),
                OrganisationId.parse(row.getString("body_id")),
                row.getString("credential_id"),
                row.getString("assessment_id"),
                row.getString("market"),
                row.getString("framework"),
                BodyKind.fromToken(row.getString("attestation_type")),
                row.getString("witness_name"),
                Timestamps.instant(row, "access_until"),
                row.getString("snapshot_sha256"),
                row.getString("invited_by"),
                Timestamps.instant(row, "invited_at"),
                row.getString("ended_by"),
                Timestamps.instant(row, "ended_at"),
                row.getString("attestation_id"),
                Timestamps.instant(row, "attested_at"));
    }

    static String org() {
        return Tenancy.organisationId().toString();
    }
}
