package io.serviceproof.dossier;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.OrganisationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of each background dossier build: what was asked, and how it ended. */
@Repository
class DossierBuilds implements io.serviceproof.common.blobs.BlobReferences {

    private final JdbcClient jdbc;

    DossierBuilds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A build as recorded; {@code zipSha256} is set once it is done. */
    record Recorded(
            String id,
            OrganisationId organisation,
            String credentialId,
            DossierJobs.State state,
            String failure,
            String zipSha256,
            Instant startedAt) {}

    void insert(String id, OrganisationId organisation, String credentialId, Instant at) {
        jdbc.sql("""
                        INSERT INTO dossier_builds (id, organisation_id, credential_id, state, started_at)
                        VALUES (:id, :org, :credential, 'RUNNING', :at)
                        """)
                .param("id", id)
                .param("org", organisation.toString())
                .param("credential", credentialId)
                .param("at", Timestamps.toMillis(at))
                .update();
    }

    void done(String id, String zipSha256, Instant at) {
        jdbc.sql("UPDATE dossier_builds SET state = 'DONE', zip_sha256 = :sha, finished_at = :at WHERE id = :id")
                .param("id", id)
                .param("sha", zipSha256)
                .param("at", Timestamps.toMillis(at))
                .update();
    }

    void failed(String id, String failure, Instant at) {
        jdbc.sql("UPDATE dossier_builds SET state = 'FAILED', failure = :failure, finished_at = :at WHERE id = :id")
                .param("id", id)
                .param("failure", failure == null ? "failed" : failure)
                .param("at", Timestamps.toMillis(at))
                .update();
    }

    Optional<Recorded> find(OrganisationId organisation, String id) {
        return jdbc.sql("SELECT * FROM dossier_builds WHERE id = :id AND organisation_id = :org")
                .param("id", id)
                .param("org", organisation.toString())
                .query((row, n) -> map(row))
                .optional();
    }

    /** Builds acknowledged but not finished: a restart interrupted them. */
    List<Recorded> unfinished() {
        return jdbc.sql("SELECT * FROM dossier_builds WHERE state = 'RUNNING' ORDER BY started_at")
                .query((row, n) -> map(row))
                .list();
    }

    /** A finished build whose download time is over; {@code zipSha256} is null for a failed one. */
    record Finished(String id, String zipSha256) {}

    List<Finished> finishedBefore(Instant cutoff) {
        return jdbc.sql("SELECT id, zip_sha256 FROM dossier_builds WHERE state <> 'RUNNING' AND finished_at < :cutoff")
                .param("cutoff", Timestamps.toMillis(cutoff))
                .query((row, n) -> new Finished(row.getString("id"), row.getString("zip_sha256")))
                .list();
    }

    /** A build's zip is kept while the build's record is: a day after it finished. */
    @Override
    public boolean refersTo(String sha256) {
        return io.serviceproof.common.blobs.BlobReferences.anyRow(jdbc, "dossier_builds", "zip_sha256", sha256);
    }

    void delete(String id) {
        jdbc.sql("DELETE FROM dossier_builds WHERE id = :id").param("id", id).update();
    }

    private static Recorded map(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Recorded(
                row.getString("id"),
                OrganisationId.parse(row.getString("organisation_id")),
                row.getString("credential_id"),
                DossierJobs.State.valueOf(row.getString("state")),
                row.getString("failure"),
                row.getString("zip_sha256"),
                Timestamps.instant(row, "started_at"));
    }
}
