package io.serviceproof.devices;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which OPC UA servers an edge gateway may read, decided in the web UI. Machines at a plant have
 * self-signed certificates and no CA, so trust is a person's decision per certificate, made after
 * comparing its fingerprint with the one the machine displays. The gateway reports each certificate
 * it refused; the device page shows them; a person trusts one (or takes trust back); the gateway
 * reads the trusted fingerprints with its next heartbeat and connects. The fingerprints pinned in
 * gateway.yaml are trusted as well, and cannot be taken back from here.
 */
@Service
public class OpcUaTrust {

    /** A server certificate one gateway met, and what was decided about it. */
    public record ServerCertificate(
            String fingerprint,
            String endpoint,
            String subject,
            boolean trusted,
            Instant firstSeenAt,
            Instant lastSeenAt,
            String decidedBy,
            Instant decidedAt) {}

    /** What a gateway reports: the certificate an OPC UA server presented, which it refused. */
    public record Report(String endpoint, String fingerprint, String subject) {}

    private final Devices devices;
    private final JdbcClient jdbc;
    private final UserActionTrail trail;
    private final Clock clock;

    OpcUaTrust(Devices devices, JdbcClient jdbc, UserActionTrail trail, Clock clock) {
        this.devices = devices;
        this.jdbc = jdbc;
        this.trail = trail;
        this.clock = clock;
    }

    /** The certificates the device has met, newest first. */
    public List<ServerCertificate> certificates(String deviceId) {
        devices.device(deviceId);
        return jdbc.sql("""
                        SELECT * FROM opcua_server_certificates WHERE organisation_id = :org AND device_id = :device
                        ORDER BY last_seen_at DESC, fingerprint
                        """)
                .param("org", Tenancy.organisationId().toString())
                .param("device", deviceId)
                .query(OpcUaTrust::map)
                .list();
    }

    /** A gateway met this certificate and refused it: kept for a person to decide, or seen again. */
    @Transactional
    public ServerCertificate reported(String deviceId, Report report) {
        devices.device(deviceId);
        if (report == null) {
            throw new InvalidInputException("body", "{\"endpoint\", \"fingerprint\", \"subject\"}");
        }
        String fingerprint = fingerprint(report.fingerprint());
        if (report.endpoint() == null
                || !report.endpoint().startsWith("opc.tcp://")
                || report.endpoint().length() > 300) {
            throw new InvalidInputException("endpoint", "the OPC UA endpoint, opc.tcp://host:port/path");
        }
        String subject = report.subject() == null ? null : report.subject().strip();
        if (subject != null && subject.length() > 500) {
            throw new InvalidInputException("subject", "at most 500 characters");
        }
        long now = clock.millis();
        jdbc.sql("""
                        INSERT INTO opcua_server_certificates (organisation_id, device_id, fingerprint, endpoint, subject,
                            trusted, first_seen_at, last_seen_at)
                        VALUES (:org, :device, :fingerprint, :endpoint, :subject, FALSE, :now, :now)
                        ON CONFLICT (organisation_id, device_id, fingerprint)
                        DO UPDATE SET endpoint = :endpoint, subject = :subject, last_seen_at = :now
                        """)
                .param("org", Tenancy.organisationId().toString())
                .param("device", deviceId)
                .param("fingerprint", fingerprint)
                .param("endpoint", report.endpoint())
                .param("subject", subject)
                .param("now", now)
                .update();
        return find(deviceId, fingerprint);
    }

    /**
     * A person trusts a reported certificate, or takes the trust back; both are in the trail. Only a
     * person signed in decides: the gateway's own token, or any script's, must not be able to make the
     * gateway trust a machine.
     */
    @Transactional
    public ServerCertificate decide(String deviceId, String fingerprint, boolean trusted) {
        Device device = devices.device(deviceId);
        if (Tenancy.actor().kind() != io.serviceproof.identity.Actor.Kind.USER) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "OPC UA certificate trust is decided by a person on the device page");
        }
        String normalised = fingerprint(fingerprint);
        ServerCertificate before = find(deviceId, normalised);
        jdbc.sql("""
                        UPDATE opcua_server_certificates SET trusted = :trusted, decided_by = :by, decided_at = :at
                        WHERE organisation_id = :org AND device_id = :device AND fingerprint = :fingerprint
                        """)
                .param("trusted", trusted)
                .param("by", Tenancy.actor().name())
                .param("at", clock.millis())
                .param("org", Tenancy.organisationId().toString())
                .param("device", deviceId)
                .param("fingerprint", normalised)
                .update();
        trail.record(
                trusted ? "device.opcua-trusted" : "device.opcua-distrusted",
                "device",
                deviceId,
                device.name() + ": " + before.endpoint() + " " + normalised);
        return find(deviceId, normalised);
    }

    private ServerCertificate find(String deviceId, String fingerprint) {
        return jdbc.sql("""
                        SELECT * FROM opcua_server_certificates
                        WHERE organisation_id = :org AND device_id = :device AND fingerprint = :fingerprint
                        """)
                .param("org", Tenancy.organisationId().toString())
                .param("device", deviceId)
                .param("fingerprint", fingerprint)
                .query(OpcUaTrust::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("OPC UA server certificate", fingerprint));
    }

    /** SHA-256 of the DER certificate: 64 hex digits; colons and case as a person may copy them. */
    static String fingerprint(String text) {
        String hex = text == null ? "" : text.replace(":", "").strip().toLowerCase(java.util.Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new InvalidInputException("fingerprint", "the certificate's SHA-256 fingerprint, 64 hex digits");
        }
        return hex;
    }

    private static ServerCertificate map(ResultSet row, int n) throws SQLException {
        return new ServerCertificate(
                row.getString("fingerprint"),
                row.getString("endpoint"),
                row.getString("subject"),
                row.getBoolean("trusted"),
                Timestamps.instant(row, "first_seen_at"),
                Timestamps.instant(row, "last_seen_at"),
                row.getString("decided_by"),
                row.getObject("decided_at") == null ? null : Timestamps.instant(row, "decided_at"));
    }
}
