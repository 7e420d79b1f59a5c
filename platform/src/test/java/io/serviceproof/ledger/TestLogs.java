package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Organisations with no log yet, events, and what a log holds, read straight from the database. */
final class TestLogs {

    private TestLogs() {}

    static OrganisationId newOrganisation(JdbcClient jdbc, String slug) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (:id, :slug, :slug, 0)")
                .param("id", id)
                .param("slug", slug + "-" + id.substring(0, 8))
                .update();
        return OrganisationId.parse(id);
    }

    static EntryDraft heartbeat(String eventId) {
        return heartbeat(eventId, "up");
    }

    static EntryDraft heartbeat(String eventId, String status) {
        return new EntryDraft(
                eventId,
                "heartbeat",
                Instant.parse("2026-11-26T08:00:00Z"),
                null,
                List.of(),
                Map.of("status", status),
                null);
    }

    /** The log's event ids in log order. */
    static List<String> eventIds(JdbcClient jdbc, OrganisationId organisation) {
        return jdbc.sql("""
                        SELECT e.event_id FROM log_entries e JOIN log_heads h ON h.log_id = e.log_id
                        WHERE h.organisation_id = :o ORDER BY e.idx
                        """)
                .param("o", organisation.toString())
                .query(String.class)
                .list();
    }

    /** A JDBC connection to the database a separately started server uses. */
    static java.sql.Connection connect(java.util.Map<String, String> env, java.nio.file.Path dataDir)
            throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(
                env.getOrDefault("SERVICEPROOF_DATABASE_URL", "jdbc:sqlite:" + dataDir.resolve("serviceproof.db")),
                env.getOrDefault("SERVICEPROOF_DATABASE_USERNAME", ""),
                env.getOrDefault("SERVICEPROOF_DATABASE_PASSWORD", ""));
    }

    /** The demo organisation's log: a server started with the demo has the demo certification body's log too. */
    private static final String DEMO_LOG =
            "(SELECT h.log_id FROM log_heads h JOIN organisations o ON o.id = h.organisation_id WHERE o.slug = 'demo')";

    /** Changes one byte of an entry of the demo's log behind the server's back (a second call undoes it). */
    static void flipByteOfEntry(java.util.Map<String, String> env, java.nio.file.Path dataDir, long index)
            throws java.sql.SQLException {
        try (java.sql.Connection db = connect(env, dataDir)) {
            byte[] entry;
            try (java.sql.PreparedStatement read =
                    db.prepareStatement("SELECT entry FROM log_entries WHERE idx = ? AND log_id = " + DEMO_LOG)) {
                read.setLong(1, index);
                try (java.sql.ResultSet row = read.executeQuery()) {
                    org.assertj.core.api.Assertions.assertThat(row.next()).isTrue();
                    entry = row.getBytes(1);
                }
            }
            entry[entry.length / 2] ^= 0x01;
            try (java.sql.PreparedStatement write =
                    db.prepareStatement("UPDATE log_entries SET entry = ? WHERE idx = ? AND log_id = " + DEMO_LOG)) {
                write.setBytes(1, entry);
                write.setLong(2, index);
                org.assertj.core.api.Assertions.assertThat(write.executeUpdate())
                        .isEqualTo(1);
            }
        }
    }
}
