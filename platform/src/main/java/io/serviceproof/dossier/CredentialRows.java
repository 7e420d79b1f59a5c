package io.serviceproof.dossier;

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

/** Credentials and revocation lists, per organisation. */
@Repository
class CredentialRows {

    private final JdbcClient jdbc;

    CredentialRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Credential c) {
        jdbc.sql("""
                        INSERT INTO credentials (id, organisation_id, assessment_id, offering_id, market, status_index,
                                                 document, sha256, issued_at, issued_by, ledger_index, engagement_id)
                        VALUES (:id, :org, :assessment, :offering, :market, :statusIndex, :document, :sha256, :issuedAt,
                                :issuedBy, :ledgerIndex, :engagement)
                        """)
                .param("id", c.id())
                .param("org", org())
                .param("assessment", c.assessmentId())
                .param("offering", c.offeringId())
                .param("market", c.market())
                .param("statusIndex", c.statusIndex())
                .param("document", c.document())
                .param("sha256", c.sha256())
                .param("issuedAt", Timestamps.toMillis(c.issuedAt()))
                .param("issuedBy", c.issuedBy())
                .param("ledgerIndex", c.ledgerIndex())
                .param("engagement", c.engagementId())
                .update();
    }

    boolean statusIndexTaken(int index) {
        return jdbc.sql("SELECT COUNT(*) FROM credentials WHERE organisation_id = :org AND status_index = :index")
                        .param("org", org())
                        .param("index", index)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<Credential> all() {
        return jdbc.sql("SELECT * FROM credentials WHERE organisation_id = :org ORDER BY issued_at DESC, id")
                .param("org", org())
                .query(CredentialRows::map)
                .list();
    }

    Optional<Credential> find(String id) {
        return jdbc.sql("SELECT * FROM credentials WHERE organisation_id = :org AND id = :id")
                .param("org", org())
                .param("id", id)
                .query(CredentialRows::map)
                .optional();
    }

    /** Marks the credential revoked unless it already was; false when it was. */
    boolean revoke(String id, Instant at, String by, String reason, long ledgerIndex) {
        return jdbc.sql("""
                                UPDATE credentials SET revoked_at = :at, revoked_by = :by, revocation_reason = :reason,
                                       revocation_ledger_index = :ledgerIndex
                                WHERE organisation_id = :org AND id = :id AND revoked_at IS NULL
                                """)
                        .param("at", Timestamps.toMillis(at))
                        .param("by", by)
                        .param("reason", reason)
                        .param("ledgerIndex", ledgerIndex)
                        .param("org", org())
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Suspends a body's credential (only a third party's, only while valid). */
    boolean suspend(String id, Instant at, String by, String reason) {
        return jdbc.sql("""
                                UPDATE credentials SET suspended_at = :at, suspended_by = :by, suspension_reason = :reason,
                                       suspension_changed_at = :at
                                WHERE organisation_id = :org AND id = :id AND engagement_id IS NOT NULL
                                  AND suspended_at IS NULL AND revoked_at IS NULL
                                """)
                        .param("at", Timestamps.toMillis(at))
                        .param("by", by)
                        .param("reason", reason)
                        .param("org", org())
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean reinstate(String id, Instant at) {
        return jdbc.sql("""
                                UPDATE credentials SET suspended_at = NULL, suspended_by = NULL, suspension_reason = NULL,
                                       suspension_changed_at = :at
                                WHERE organisation_id = :org AND id = :id AND suspended_at IS NOT NULL
                                  AND revoked_at IS NULL
                                """)
                        .param("at", Timestamps.toMillis(at))
                        .param("org", org())
                        .param("id", id)
                        .update()
                == 1;
    }

    List<Integer> suspendedIndexes(OrganisationId organisation) {
        return jdbc.sql("""
                        SELECT status_index FROM credentials
                        WHERE organisation_id = :org AND suspended_at IS NOT NULL
                        ORDER BY status_index
                        """)
                .param("org", organisation.toString())
                .query(Integer.class)
                .list();
    }

    /** When the suspension list last changed: a suspension, a reinstatement, or a body's issuance. */
    Optional<Instant> suspensionChangedAt(OrganisationId organisation) {
        return jdbc.sql("""
                        SELECT MAX(CASE WHEN suspension_changed_at IS NOT NULL AND suspension_changed_at > issued_at
                                        THEN suspension_changed_at ELSE issued_at END)
                        FROM credentials WHERE organisation_id = :org AND engagement_id IS NOT NULL
                        """)
                .param("org", organisation.toString())
                .query(Long.class)
                .optional()
                .map(Instant::ofEpochMilli);
    }

    /** Status indexes of the organisation's revoked credentials, and when the list last changed. */
    List<Integer> revokedIndexes(OrganisationId organisation) {
        return jdbc.sql("""
                        SELECT status_index FROM credentials
                        WHERE organisation_id = :org AND revoked_at IS NOT NULL
                        ORDER BY status_index
                        """)
                .param("org", organisation.toString())
                .query(Integer.class)
                .list();
    }

    /** When the organisation's list last changed: its latest issuance or revocation. */
    Optional<Instant> listChangedAt(OrganisationId organisation) {
        return jdbc.sql("""
                        SELECT MAX(CASE WHEN revoked_at IS NOT NULL AND revoked_at > issued_at THEN revoked_at
                                        ELSE issued_at END)
                        FROM credentials WHERE organisation_id = :org
                        """)
                .param("org", organisation.toString())
                .query(Long.class)
                .optional()
                .map(Instant::ofEpochMilli);
    }

    private static Credential map(ResultSet row, int n) throws SQLException {
        return new Credential(
                row.getString("id"),
                row.getString("assessment_id"),
                row.getString("offering_id"),
                row.getString("market"),
                row.getInt("status_index"),
                row.getString("document"),
                row.getString("sha256"),
                Timestamps.instant(row, "issued_at"),
                row.getString("issued_by"),
                row.getLong("ledger_index"),
                Timestamps.instant(row, "revoked_at"),
                row.getString("revoked_by"),
                row.getString("revocation_reason"),
                row.getString("engagement_id"),
                Timestamps.instant(row, "suspended_at"),
                row.getString("suspension_reason"));
    }

    private static String org() {
        return Tenancy.organisationId().toString();
    }
}
