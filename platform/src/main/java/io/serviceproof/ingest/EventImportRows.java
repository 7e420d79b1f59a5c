package io.serviceproof.ingest;

import io.serviceproof.common.Phrase;
import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The event_imports table. Reads are per organisation; a worker claims an import with a conditional
 * update (queued, or running with a stale heartbeat), so on several nodes one runs each import.
 */
@Repository
class EventImportRows {

    /** An import a worker may run, with its organisation. */
    record Claimed(OrganisationId organisation, EventImport runs) {}

    private final JdbcClient jdbc;

    EventImportRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OrganisationId organisation, EventImport i) {
        jdbc.sql("""
                        INSERT INTO event_imports (id, organisation_id, name, format, on_bad_line, mapping, sha256,
                            total_bytes, status, phase, created_by, created_at, updated_at)
                        VALUES (:id, :org, :name, :format, :onBadLine, :mapping, :sha256, :total, :status, :phase,
                            :by, :at, :at)
                        """)
                .param("id", i.id())
                .param("org", organisation.toString())
                .param("name", i.name())
                .param("format", i.format().name())
                .param("onBadLine", i.onBadLine().name())
                .param(
                        "mapping",
                        i.mapping() == null ? null : canonical(i.mapping().tree()))
                .param("sha256", i.sha256())
                .param("total", i.totalBytes())
                .param("status", i.status().name())
                .param("phase", i.phase().name())
                .param("by", i.createdBy())
                .param("at", Timestamps.toMillis(i.createdAt()))
                .update();
    }

    List<EventImport> all(OrganisationId organisation) {
        return jdbc.sql("SELECT * FROM event_imports WHERE organisation_id = :org ORDER BY created_at DESC, id")
                .param("org", organisation.toString())
                .query(EventImportRows::map)
                .list();
    }

    Optional<EventImport> find(OrganisationId organisation, String id) {
        return jdbc.sql("SELECT * FROM event_imports WHERE organisation_id = :org AND id = :id")
                .param("org", organisation.toString())
                .param("id", id)
                .query(EventImportRows::map)
                .optional();
    }

    /** Imports waiting for a worker: queued ones, and running ones whose worker stopped beating. */
    List<String> claimable(Instant staleBefore) {
        return jdbc.sql("""
                        SELECT id FROM event_imports
                        WHERE status = 'QUEUED' OR (status = 'RUNNING' AND updated_at < :stale)
                        ORDER BY created_at
                        """)
                .param("stale", Timestamps.toMillis(staleBefore))
                .query(String.class)
                .list();
    }

    /** Takes an import for this worker if nobody else has it; empty when another took it first. */
    Optional<Claimed> claim(String id, Instant staleBefore, Instant now) {
        int claimed = jdbc.sql("""
                        UPDATE event_imports SET status = 'RUNNING', updated_at = :now
                        WHERE id = :id AND (status = 'QUEUED' OR (status = 'RUNNING' AND updated_at < :stale))
                        """)
                .param("id", id)
                .param("now", Timestamps.toMillis(now))
                .param("stale", Timestamps.toMillis(staleBefore))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM event_imports WHERE id = :id")
                .param("id", id)
                .query((row, n) -> new Claimed(OrganisationId.parse(row.getString("organisation_id")), map(row, n)))
                .optional();
    }

    /** Progress after a durably logged batch; doubles as the worker's heartbeat. */
    void progress(EventImport i, Instant now) {
        jdbc.sql("""
                        UPDATE event_imports SET phase = :phase, bytes_read = :bytes, lines_done = :lines,
                            logged = :logged, already_present = :already, refused = :refused, problems = :problems,
                            updated_at = :now
                        WHERE id = :id
                        """)
                .param("id", i.id())
                .param("phase", i.phase().name())
                .param("bytes", i.bytesRead())
                .param("lines", i.linesDone())
                .param("logged", i.logged())
                .param("already", i.alreadyPresent())
                .param("refused", i.refused())
                .param("problems", problems(i.problems()))
                .param("now", Timestamps.toMillis(now))
                .update();
    }

    void finish(EventImport i, EventImport.Status status, Instant now) {
        progress(i, now);
        jdbc.sql("UPDATE event_imports SET status = :status, finished_at = :now WHERE id = :id")
                .param("id", i.id())
                .param("status", status.name())
                .param("now", Timestamps.toMillis(now))
                .update();
    }

    /** A failed import queued again, from where it stopped. */
    boolean requeue(OrganisationId organisation, String id, Instant now) {
        return jdbc.sql("""
                                UPDATE event_imports SET status = 'QUEUED', finished_at = NULL, updated_at = :now
                                WHERE organisation_id = :org AND id = :id AND status = 'FAILED'
                                """)
                        .param("org", organisation.toString())
                        .param("id", id)
                        .param("now", Timestamps.toMillis(now))
                        .update()
                == 1;
    }

    private static EventImport map(ResultSet row, int n) throws SQLException {
        String mapping = row.getString("mapping");
        return new EventImport(
                row.getString("id"),
                row.getString("name"),
                EventImport.Format.valueOf(row.getString("format")),
                EventImport.OnBadLine.valueOf(row.getString("on_bad_line")),
                mapping == null ? null : CsvMapping.fromTree(tree(mapping)),
                row.getString("sha256"),
                row.getLong("total_bytes"),
                EventImport.Status.valueOf(row.getString("status")),
                EventImport.Phase.valueOf(row.getString("phase")),
                row.getLong("bytes_read"),
                row.getLong("lines_done"),
                row.getLong("logged"),
                row.getLong("already_present"),
                row.getLong("refused"),
                problems(row.getString("problems")),
                row.getString("created_by"),
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "updated_at"),
                Timestamps.instant(row, "finished_at"));
    }

    private static String problems(List<EventImport.LineProblem> problems) {
        List<Object> list = new ArrayList<>();
        for (EventImport.LineProblem p : problems) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("line", p.line());
            item.put("field", p.field());
            item.put("message", p.message());
            if (p.wording() != null) {
                item.put("wording", p.wording().json());
            }
            list.add(item);
        }
        return canonical(list);
    }

    @SuppressWarnings("unchecked")
    private static List<EventImport.LineProblem> problems(String json) {
        List<EventImport.LineProblem> problems = new ArrayList<>();
        for (Object o : (List<Object>) parse(json)) {
            Map<String, Object> item = (Map<String, Object>) o;
            problems.add(new EventImport.LineProblem(
                    ((Double) item.get("line")).longValue(),
                    (String) item.get("field"),
                    (String) item.get("message"),
                    item.get("wording") == null ? null : Phrase.parse((String) item.get("wording"))));
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(String json) {
        return (Map<String, Object>) parse(json);
    }

    private static Object parse(String json) {
        try {
            return Json.parse(json);
        } catch (JsonException e) {
            throw new IllegalStateException("a stored import column is not JSON", e);
        }
    }

    private static String canonical(Object value) {
        try {
            return Json.canonical(value);
        } catch (JsonException e) {
            throw new IllegalStateException(e);
        }
    }
}
