package io.serviceproof.devices;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.OrganisationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Device rows, always read and written within one organisation given explicitly. */
@Repository
class DeviceRows {

    private final JdbcClient jdbc;

    DeviceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OrganisationId organisation, Device d) {
        jdbc.sql("""
                        INSERT INTO devices (id, organisation_id, name, service_layer_id, key_id, public_key, status,
                            registered_by, registered_at, registration_index, status_changed_at)
                        VALUES (:id, :org, :name, :layer, :keyId, :publicKey, :status, :by, :at, :index, :at)
                        """)
                .param("id", d.id())
                .param("org", organisation.toString())
                .param("name", d.name())
                .param("layer", d.serviceLayerId())
                .param("keyId", d.keyId())
                .param("publicKey", d.publicKey())
                .param("status", d.status().token())
                .param("by", d.registeredBy())
                .param("at", Timestamps.toMillis(d.registeredAt()))
                .param("index", d.registrationIndex())
                .update();
    }

    List<Device> all(OrganisationId organisation) {
        return jdbc.sql("SELECT * FROM devices WHERE organisation_id = :org ORDER BY name")
                .param("org", organisation.toString())
                .query(DeviceRows::map)
                .list();
    }

    Optional<Device> byId(OrganisationId organisation, String id) {
        return jdbc.sql("SELECT * FROM devices WHERE organisation_id = :org AND id = :id")
                .param("org", organisation.toString())
                .param("id", id)
                .query(DeviceRows::map)
                .optional();
    }

    List<Device> byKeyIds(OrganisationId organisation, Collection<String> keyIds) {
        return jdbc.sql("SELECT * FROM devices WHERE organisation_id = :org AND key_id IN (:keyIds)")
                .param("org", organisation.toString())
                .param("keyIds", keyIds)
                .query(DeviceRows::map)
                .list();
    }

    boolean exists(OrganisationId organisation, String keyId, String name) {
        return jdbc.sql(
                                "SELECT COUNT(*) FROM devices WHERE organisation_id = :org AND (key_id = :keyId OR name = :name)")
                        .param("org", organisation.toString())
                        .param("keyId", keyId)
                        .param("name", name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Moves a device from {@code from} to {@code to}; false if another change came first. */
    boolean changeStatus(OrganisationId organisation, String id, Device.Status from, Device.Status to, Instant at) {
        return jdbc.sql("""
                                UPDATE devices SET status = :to, status_changed_at = :at
                                WHERE organisation_id = :org AND id = :id AND status = :from
                                """)
                        .param("org", organisation.toString())
                        .param("id", id)
                        .param("from", from.token())
                        .param("to", to.token())
                        .param("at", Timestamps.toMillis(at))
                        .update()
                == 1;
    }

    /** Counts what arrived from one device in one batch; {@code lastSkewMillis} is null without a heartbeat. */
    void heard(
            OrganisationId organisation,
            String keyId,
            long signed,
            long skewed,
            Long lastSkewMillis,
            Long backlog,
            Instant at) {
        jdbc.sql("""
                        UPDATE devices SET signed_events = signed_events + :signed, skewed_events = skewed_events + :skewed,
                            last_skew_ms = COALESCE(:skew, last_skew_ms), last_backlog = COALESCE(:backlog, last_backlog),
                            last_seen_at = :at
                        WHERE organisation_id = :org AND key_id = :keyId
                        """)
                .param("org", organisation.toString())
                .param("keyId", keyId)
                .param("signed", signed)
                .param("skewed", skewed)
                .param("skew", lastSkewMillis)
                .param("backlog", backlog)
                .param("at", Timestamps.toMillis(at))
                .update();
    }

    private static Device map(ResultSet rs, int row) throws SQLException {
        long skew = rs.getLong("last_skew_ms");
        Long lastSkew = rs.wasNull() ? null : skew;
        long seen = rs.getLong("last_seen_at");
        Instant lastSeen = rs.wasNull() ? null : Instant.ofEpochMilli(seen);
        long backlog = rs.getLong("last_backlog");
        Long lastBacklog = rs.wasNull() ? null : backlog;
        return new Device(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("service_layer_id"),
                rs.getString("key_id"),
                rs.getString("public_key"),
                Device.Status.fromToken(rs.getString("status")),
                rs.getString("registered_by"),
                Instant.ofEpochMilli(rs.getLong("registered_at")),
                rs.getLong("registration_index"),
                Instant.ofEpochMilli(rs.getLong("status_changed_at")),
                rs.getLong("signed_events"),
                rs.getLong("skewed_events"),
                lastSkew,
                lastSeen,
                lastBacklog);
    }
}
