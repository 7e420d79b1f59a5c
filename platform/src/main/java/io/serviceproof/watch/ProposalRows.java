package io.serviceproof.watch;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Proposed changes of the acting organisation. */
@Repository
class ProposalRows {

    private final JdbcClient jdbc;

    ProposalRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a proposal unless its feed already produced this entry; returns whether it was new. */
    boolean insertIfNew(Proposal proposal) {
        String organisationId = Tenancy.organisationId().toString();
        return jdbc.sql("""
                                INSERT INTO watch_proposals (id, organisation_id, feed_id, feed_name, entry_id, title,
                                    link, published_at, summary, status, created_at)
                                SELECT :id, :organisationId, :feedId, :feedName, :entryId, :title, :link,
                                    :publishedAt, :summary, :status, :createdAt
                                WHERE NOT EXISTS (SELECT 1 FROM watch_proposals WHERE organisation_id = :organisationId
                                    AND feed_id = :feedId AND entry_id = :entryId)
                                """)
                        .param("id", proposal.id())
                        .param("organisationId", organisationId)
                        .param("feedId", proposal.feedId())
                        .param("feedName", proposal.feedName())
                        .param("entryId", proposal.entryId())
                        .param("title", proposal.title())
                        .param("link", proposal.link())
                        .param("publishedAt", Timestamps.toMillis(proposal.publishedAt()))
                        .param("summary", proposal.summary())
                        .param("status", proposal.status().name())
                        .param("createdAt", Timestamps.toMillis(proposal.createdAt()))
                        .update()
                > 0;
    }

    List<Proposal> all() {
        return jdbc.sql("""
                        SELECT * FROM watch_proposals WHERE organisation_id = :organisationId
                        ORDER BY CASE status WHEN 'PROPOSED' THEN 0 ELSE 1 END, created_at DESC, title
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .query(ProposalRows::map)
                .list();
    }

    Optional<Proposal> find(String id) {
        return jdbc.sql("SELECT * FROM watch_proposals WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id)
                .query(ProposalRows::map)
                .optional();
    }

    /** Decides a proposal still open; false when someone decided it first. */
    boolean decide(String id, Proposal.Status status, String by, Instant at, String dismissal, String itemId) {
        return jdbc.sql("""
                                UPDATE watch_proposals SET status = :status, decided_by = :by, decided_at = :at,
                                    dismissal = :dismissal, item_id = :itemId
                                WHERE organisation_id = :organisationId AND id = :id AND status = 'PROPOSED'
                                """)
                        .param("status", status.name())
                        .param("by", by)
                        .param("at", Timestamps.toMillis(at))
                        .param("dismissal", dismissal)
                        .param("itemId", itemId)
                        .param("organisationId", Tenancy.organisationId().toString())
                        .param("id", id)
                        .update()
                == 1;
    }

    /** A removed feed's open proposals go with it; decided ones stay as the record of the decision. */
    void deleteOpen(String feedId) {
        jdbc.sql("""
                        DELETE FROM watch_proposals
                        WHERE organisation_id = :organisationId AND feed_id = :feedId AND status = 'PROPOSED'
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("feedId", feedId)
                .update();
    }

    private static Proposal map(ResultSet row, int rowNum) throws SQLException {
        return new Proposal(
                row.getString("id"),
                row.getString("feed_id"),
                row.getString("feed_name"),
                row.getString("entry_id"),
                row.getString("title"),
                row.getString("link"),
                Timestamps.instant(row, "published_at"),
                row.getString("summary"),
                Proposal.Status.valueOf(row.getString("status")),
                row.getString("decided_by"),
                Timestamps.instant(row, "decided_at"),
                row.getString("dismissal"),
                row.getString("item_id"),
                Timestamps.instant(row, "created_at"));
    }
}
