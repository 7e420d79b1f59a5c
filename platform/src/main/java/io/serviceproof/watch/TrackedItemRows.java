package io.serviceproof.watch;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tracked items of the acting organisation. */
@Repository
class TrackedItemRows {

    private final JdbcClient jdbc;

    TrackedItemRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TrackedItem item) {
        jdbc.sql("""
                        INSERT INTO watch_items (id, organisation_id, item_key, kind, title, framework_ref,
                            replaced_by_ref, market, lifecycle, published_on, in_force_on, transition_deadline, source,
                            prov_tag, origin, accepted_by, accepted_at, created_at)
                        VALUES (:id, :organisationId, :key, :kind, :title, :frameworkRef, :replacedByRef, :market,
                            :lifecycle, :publishedOn, :inForceOn, :transitionDeadline, :source, :tag, :origin,
                            :acceptedBy, :acceptedAt, :createdAt)
                        """)
                .param("id", item.id())
                .param("organisationId", Tenancy.organisationId().toString())
                .param("key", item.key())
                .param("kind", item.kind().name())
                .param("title", item.title())
                .param("frameworkRef", item.frameworkRef())
                .param("replacedByRef", item.replacedByRef())
                .param("market", item.market())
                .param("lifecycle", item.lifecycle().name())
                .param("publishedOn", text(item.publishedOn()))
                .param("inForceOn", text(item.inForceOn()))
                .param("transitionDeadline", text(item.transitionDeadline()))
                .param("source", item.source())
                .param("tag", item.provenanceTag())
                .param("origin", item.origin())
                .param("acceptedBy", item.acceptedBy())
                .param("acceptedAt", Timestamps.toMillis(item.acceptedAt()))
                .param("createdAt", Timestamps.toMillis(item.createdAt()))
                .update();
    }

    List<TrackedItem> all() {
        return jdbc.sql("""
                        SELECT * FROM watch_items WHERE organisation_id = :organisationId
                        ORDER BY COALESCE(transition_deadline, in_force_on, published_on, '9999'), title
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .query(TrackedItemRows::map)
                .list();
    }

    Optional<TrackedItem> find(String id) {
        return jdbc.sql("SELECT * FROM watch_items WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id)
                .query(TrackedItemRows::map)
                .optional();
    }

    Set<String> keys() {
        return Set.copyOf(jdbc.sql(
                        "SELECT item_key FROM watch_items WHERE organisation_id = :organisationId AND item_key IS NOT NULL")
                .param("organisationId", Tenancy.organisationId().toString())
                .query(String.class)
                .list());
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : LocalDate.parse(value);
    }

    private static TrackedItem map(ResultSet row, int rowNum) throws SQLException {
        return new TrackedItem(
                row.getString("id"),
                row.getString("item_key"),
                ItemKind.valueOf(row.getString("kind")),
                row.getString("title"),
                row.getString("framework_ref"),
                row.getString("replaced_by_ref"),
                row.getString("market"),
                Lifecycle.valueOf(row.getString("lifecycle")),
                date(row, "published_on"),
                date(row, "in_force_on"),
                date(row, "transition_deadline"),
                row.getString("source"),
                row.getString("prov_tag"),
                row.getString("origin"),
                row.getString("accepted_by"),
                Timestamps.instant(row, "accepted_at"),
                Timestamps.instant(row, "created_at"));
    }
}
