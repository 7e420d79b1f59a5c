package io.serviceproof.identity;

import io.serviceproof.common.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Notification rows of the acting organisation. */
@Repository
class NotificationRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    NotificationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String userId, Notification notification) {
        jdbc.sql("""
                        INSERT INTO notifications (id, organisation_id, user_id, message_key, arguments, link, created_at)
                        VALUES (:id, :organisationId, :userId, :key, :arguments, :link, :createdAt)
                        """)
                .param("id", notification.id())
                .param("organisationId", Tenancy.organisationId().toString())
                .param("userId", userId)
                .param("key", notification.messageKey())
                .param("arguments", JSON.writeValueAsString(notification.arguments()))
                .param("link", notification.link())
                .param("createdAt", Timestamps.toMillis(notification.createdAt()))
                .update();
    }

    List<Notification> forUser(String userId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM notifications WHERE organisation_id = :organisationId AND user_id = :userId
                        ORDER BY created_at DESC, id LIMIT :limit
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("userId", userId)
                .param("limit", limit)
                .query(NotificationRows::map)
                .list();
    }

    long unread(String userId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM notifications
                        WHERE organisation_id = :organisationId AND user_id = :userId AND read_at IS NULL
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    int markRead(String userId, Instant at) {
        return jdbc.sql("""
                        UPDATE notifications SET read_at = :at
                        WHERE organisation_id = :organisationId AND user_id = :userId AND read_at IS NULL
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("userId", userId)
                .param("at", Timestamps.toMillis(at))
                .update();
    }

    private static Notification map(ResultSet row, int n) throws SQLException {
        return new Notification(
                row.getString("id"),
                row.getString("message_key"),
                JSON.readValue(row.getString("arguments"), new TypeReference<List<String>>() {}),
                row.getString("link"),
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "read_at"));
    }
}
