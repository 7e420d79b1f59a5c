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

/** Feeds of the acting organisation. */
@Repository
class FeedRows {

    private final JdbcClient jdbc;

    FeedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WatchFeed feed) {
        jdbc.sql("""
                        INSERT INTO watch_feeds (id, organisation_id, name, url, created_at)
                        VALUES (:id, :organisationId, :name, :url, :createdAt)
                        """)
                .param("id", feed.id())
                .param("organisationId", Tenancy.organisationId().toString())
                .param("name", feed.name())
                .param("url", feed.url())
                .param("createdAt", Timestamps.toMillis(feed.createdAt()))
                .update();
    }

    List<WatchFeed> all() {
        return jdbc.sql("SELECT * FROM watch_feeds WHERE organisation_id = :organisationId ORDER BY name")
                .param("organisationId", Tenancy.organisationId().toString())
                .query(FeedRows::map)
                .list();
    }

    Optional<WatchFeed> find(String id) {
        return jdbc.sql("SELECT * FROM watch_feeds WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id)
                .query(FeedRows::map)
                .optional();
    }

    boolean exists(String url) {
        return jdbc.sql("SELECT COUNT(*) FROM watch_feeds WHERE organisation_id = :organisationId AND url = :url")
                        .param("organisationId", Tenancy.organisationId().toString())
                        .param("url", url)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void polled(String id, Instant at, String error) {
        jdbc.sql("""
                        UPDATE watch_feeds SET last_polled_at = :at, last_error = :error
                        WHERE organisation_id = :organisationId AND id = :id
                        """)
                .param("at", Timestamps.toMillis(at))
                .param("error", error)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id)
                .update();
    }

    void delete(String id) {
        jdbc.sql("DELETE FROM watch_feeds WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id)
                .update();
    }

    private static WatchFeed map(ResultSet row, int rowNum) throws SQLException {
        return new WatchFeed(
                row.getString("id"),
                row.getString("name"),
                row.getString("url"),
                Timestamps.instant(row, "last_polled_at"),
                row.getString("last_error"),
                Timestamps.instant(row, "created_at"));
    }
}
