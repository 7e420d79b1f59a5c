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
}
