package io.serviceproof.ingest;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.OrganisationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** MQTT connections; read per organisation, except the subscribers' start-up list of all enabled ones. */
@Repository
class MqttConnectionRows {

    /** An enabled connection with its organisation and sealed password, for the subscribers. */
    record Enabled(
            OrganisationId organisation,
            MqttConnection connection,
            String passwordSealed,
            String caPem,
            String certificatePem,
            String keySealed) {}

    /** The TLS material as stored: PEM certificates, and the client key sealed with the master key. */
    record Tls(String caPem, String certificatePem, String keySealed) {

        static final Tls NONE = new Tls(null, null, null);
    }

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    MqttConnectionRows(JdbcClient jdbc, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    void insert(OrganisationId organisation, MqttConnection c, String passwordSealed, Tls tls) {
        jdbc.sql("""
                        INSERT INTO mqtt_connections (id, organisation_id, name, broker_uri, mqtt_version, username,
                            password_sealed, client_id, topic_filter, shared_group, event_type, service_layer_id,
                            event_id_pointer, occurred_at_pointer, payload_pointer, enabled, created_by, created_at,
                            tls_ca_pem, tls_certificate_pem, tls_key_sealed)
                        VALUES (:id, :org, :name, :broker, :version, :username, :password, :clientId, :filter, :group,
                            :type, :layer, :idPointer, :atPointer, :payloadPointer, :enabled, :by, :at,
                            :caPem, :certificatePem, :keySealed)
                        """)
                .param("id", c.id())
                .param("org", organisation.toString())
                .param("name", c.name())
                .param("broker", c.brokerUri())
                .param("version", c.mqttVersion())
                .param("username", c.username())
                .param("password", passwordSealed)
                .param("clientId", c.clientId())
                .param("filter", c.topicFilter())
                .param("group", c.sharedGroup())
                .param("type", c.eventType())
                .param("layer", c.serviceLayerId())
                .param("idPointer", c.eventIdPointer())
                .param("atPointer", c.occurredAtPointer())
                .param("payloadPointer", c.payloadPointer())
                .param("enabled", c.enabled())
                .param("by", c.createdBy())
                .param("at", Timestamps.toMillis(c.createdAt()))
                .param("caPem", tls.caPem())
                .param("certificatePem", tls.certificatePem())
                .param("keySealed", tls.keySealed())
                .update();
    }

    List<MqttConnection> all(OrganisationId organisation) {
        return jdbc.sql("SELECT * FROM mqtt_connections WHERE organisation_id = :org ORDER BY name")
                .param("org", organisation.toString())
                .query(MqttConnectionRows::map)
                .list();
    }

    Optional<MqttConnection> byId(OrganisationId organisation, String id) {
        return jdbc.sql("SELECT * FROM mqtt_connections WHERE organisation_id = :org AND id = :id")
                .param("org", organisation.toString())
                .param("id", id)
                .query(MqttConnectionRows::map)
                .optional();
    }

    boolean nameTaken(OrganisationId organisation, String name) {
        return jdbc.sql("SELECT COUNT(*) FROM mqtt_connections WHERE organisation_id = :org AND name = :name")
                        .param("org", organisation.toString())
                        .param("name", name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<Enabled> enabled() {
        return jdbc.sql("SELECT * FROM mqtt_connections WHERE enabled = TRUE")
                .query((rs, row) -> new Enabled(
                        OrganisationId.parse(rs.getString("organisation_id")),
                        map(rs, row),
                        rs.getString("password_sealed"),
                        rs.getString("tls_ca_pem"),
                        rs.getString("tls_certificate_pem"),
                        rs.getString("tls_key_sealed")))
                .list();
    }

    Optional<Enabled> enabled(OrganisationId organisation, String id) {
        return enabled().stream()
                .filter(e -> e.organisation().equals(organisation)
                        && e.connection().id().equals(id))
                .findFirst();
    }

    boolean setEnabled(OrganisationId organisation, String id, boolean enabled) {
        return jdbc.sql("UPDATE mqtt_connections SET enabled = :enabled WHERE organisation_id = :org AND id = :id")
                        .param("enabled", enabled)
                        .param("org", organisation.toString())
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * Adds messages logged. A message logged after a failure of the connection shows it works again,
     * so that failure is cleared, but not one recorded after the newest of these messages (counts are
     * written once a second), and never a refused message: the next good one does not undo it.
     */
    void received(String id, long messages, Instant at, Instant newestLogged) {
        jdbc.sql("""
                        UPDATE mqtt_connections SET received = received + :n, last_received_at = :at,
                            last_error = CASE WHEN last_error_refusal = FALSE
                                    AND (last_error_at IS NULL OR last_error_at <= :newest) THEN NULL
                                ELSE last_error END
                        WHERE id = :id
                        """)
                .param("n", messages)
                .param("at", Timestamps.toMillis(at))
                .param("newest", Timestamps.toMillis(newestLogged))
                .param("id", id)
                .update();
    }

    void rejected(String id, String error) {
        jdbc.sql("""
                        UPDATE mqtt_connections SET rejected = rejected + 1, last_error = :error, last_error_at = :at,
                            last_error_refusal = TRUE
                        WHERE id = :id
                        """)
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("at", clock.millis())
                .param("id", id)
                .update();
    }

    /** Records why the connection is not working, or (null) that it works again. */
    void failing(String id, String error) {
        jdbc.sql("""
                        UPDATE mqtt_connections SET last_error = :error, last_error_at = :at, last_error_refusal = FALSE
                        WHERE id = :id
                        """)
                .param("error", error == null || error.length() <= 1000 ? error : error.substring(0, 1000))
                .param("at", clock.millis())
                .param("id", id)
                .update();
    }

    private static MqttConnection map(ResultSet rs, int row) throws SQLException {
        long last = rs.getLong("last_received_at");
        Instant lastReceived = rs.wasNull() ? null : Instant.ofEpochMilli(last);
        return new MqttConnection(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("broker_uri"),
                rs.getInt("mqtt_version"),
                rs.getString("username"),
                rs.getString("password_sealed") != null,
                rs.getString("client_id"),
                rs.getString("topic_filter"),
                rs.getString("shared_group"),
                rs.getString("event_type"),
                rs.getString("service_layer_id"),
                rs.getString("event_id_pointer"),
                rs.getString("occurred_at_pointer"),
                rs.getString("payload_pointer"),
                rs.getBoolean("enabled"),
                rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getLong("received"),
                rs.getLong("rejected"),
                rs.getString("last_error"),
                lastReceived,
                tlsSummary(rs.getString("tls_ca_pem"), rs.getString("tls_certificate_pem")));
    }

    /** Whose certificates, read from the stored PEM (checked when it was stored); null without TLS material. */
    private static MqttTls.Summary tlsSummary(String caPem, String certificatePem) {
        if (caPem == null && certificatePem == null) {
            return null;
        }
        try {
            MqttTls ca = MqttTls.parse(caPem, null, null);
            MqttTls.Summary trust = ca.summary();
            if (certificatePem == null) {
                return trust;
            }
            var certificate =
                    (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                            .generateCertificate(new java.io.ByteArrayInputStream(
                                    certificatePem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            return new MqttTls.Summary(
                    trust.caSubject(),
                    certificate.getSubjectX500Principal().getName(),
                    certificate.getNotAfter().toInstant());
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }
}
