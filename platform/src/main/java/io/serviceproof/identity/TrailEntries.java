package io.serviceproof.identity;

import io.serviceproof.common.Phrase;
import io.serviceproof.common.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The trail table; append and filtered reads, always within the acting organisation. */
@Repository
class TrailEntries {

    private final JdbcClient jdbc;

    TrailEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(OrganisationId organisationId, TrailEntry entry) {
        jdbc.sql("""
                        INSERT INTO trail_entries (id, organisation_id, occurred_at, actor_kind, actor_id, actor_name,
                                                   action, target_type, target_id, detail, remote_address,
                                                   disclosure_salt, detail_phrase)
                        VALUES (:id, :organisationId, :occurredAt, :actorKind, :actorId, :actorName,
                                :action, :targetType, :targetId, :detail, :remoteAddress, :disclosureSalt,
                                :detailPhrase)
                        """)
                .param("id", entry.id())
                .param("organisationId", organisationId.toString())
                .param("occurredAt", Timestamps.toMillis(entry.occurredAt()))
                .param("actorKind", entry.actorKind().name())
                .param("actorId", entry.actorId())
                .param("actorName", entry.actorName())
                .param("action", entry.action())
                .param("targetType", entry.targetType())
                .param("targetId", entry.targetId())
                .param("detail", entry.detail())
                .param("remoteAddress", entry.remoteAddress())
                .param("disclosureSalt", entry.disclosureSalt())
                .param(
                        "detailPhrase",
                        entry.detailPhrase() == null
                                ? null
                                : entry.detailPhrase().json())
                .update();
    }

    /** Newest first. The optional filters are written as {@code (:x IS NULL OR ...)} to keep one statement. */
    List<TrailEntry> find(TrailFilter filter) {
        return jdbc.sql("""
                        SELECT * FROM trail_entries
                        WHERE organisation_id = :organisationId
                          AND (CAST(:actor AS TEXT) IS NULL OR LOWER(actor_name) LIKE :actor)
                          AND (CAST(:action AS TEXT) IS NULL OR action = :action)
                          AND (CAST(:from AS BIGINT) IS NULL OR occurred_at >= :from)
                          AND (CAST(:to AS BIGINT) IS NULL OR occurred_at < :to)
                        ORDER BY occurred_at DESC, id DESC
                        LIMIT :limit OFFSET :offset
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param(
                        "actor",
                        filter.actor() == null ? null : "%" + filter.actor().toLowerCase(Locale.ROOT) + "%")
                .param("action", filter.action())
                .param("from", Timestamps.toMillis(filter.from()))
                .param("to", Timestamps.toMillis(filter.to()))
                .param("limit", filter.size())
                .param("offset", filter.page() * filter.size())
                .query(TrailEntries::map)
                .list();
    }

    List<String> distinctActions() {
        return jdbc.sql(
                        "SELECT DISTINCT action FROM trail_entries WHERE organisation_id = :organisationId ORDER BY action")
                .param("organisationId", Tenancy.organisationId().toString())
                .query(String.class)
                .list();
    }

    private static TrailEntry map(ResultSet row, int rowNum) throws SQLException {
        return new TrailEntry(
                row.getString("id"),
                Timestamps.instant(row, "occurred_at"),
                Actor.Kind.valueOf(row.getString("actor_kind")),
                row.getString("actor_id"),
                row.getString("actor_name"),
                row.getString("action"),
                row.getString("target_type"),
                row.getString("target_id"),
                row.getString("detail"),
                row.getString("remote_address"),
                row.getString("disclosure_salt"),
                phrase(row.getString("detail_phrase")));
    }

    private static Phrase phrase(String json) {
        return json == null ? null : Phrase.parse(json);
    }
}
