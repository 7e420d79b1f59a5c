package io.serviceproof.ledger;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Entries of each log, by index and by producer event id. */
@Repository
class LogEntries {

    private static final int IN_CLAUSE_CHUNK = 500;
    /** Entries read per statement when streaming a layer's events. */
    private static final int PAGE = 10_000;
    /** Reads the next page of a stream while the caller consumes the current one. */
    private static final java.util.concurrent.ExecutorService READ_AHEAD =
            java.util.concurrent.Executors.newCachedThreadPool(
                    io.serviceproof.common.DaemonThreads.named("log-read-ahead"));

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    LogEntries(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insertAll(LogId log, List<LedgerEntry> entries) {
        batch.batchUpdate("""
                INSERT INTO log_entries (log_id, idx, event_id, type, service_layer_id, occurred_at,
                                         appended_at, entry)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, entries, 1000, (statement, entry) -> {
            statement.setLong(1, log.value());
            statement.setLong(2, entry.index());
            statement.setString(3, entry.eventId());
            statement.setString(4, entry.type());
            statement.setString(5, entry.serviceLayerId());
            statement.setLong(6, entry.occurredAt().toEpochMilli());
            statement.setLong(7, entry.appendedAt().toEpochMilli());
            statement.setBytes(8, entry.canonical());
        });
    }

    /**
     * The entries already logged under any of these producer event ids. Written as a join from a
     * VALUES list so that each id is one probe of the (log, event id) index: with
     * {@code event_id IN (...)} SQLite, lacking statistics, scans the whole log.
     */
    List<LedgerEntry> findByEventIds(LogId log, Collection<String> eventIds) {
        List<String> ids = new ArrayList<>(eventIds);
        List<LedgerEntry> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_CLAUSE_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CLAUSE_CHUNK));
            String values = String.join(",", java.util.Collections.nCopies(chunk.size(), "(?)"));
            List<Object> params = new ArrayList<>(chunk);
            params.add(log.value());
            found.addAll(jdbc.sql("WITH ids(event_id) AS (VALUES " + values + ") SELECT e.* FROM ids "
                            + "JOIN log_entries e ON e.event_id = ids.event_id AND e.log_id = ?")
                    .params(params)
                    .query(LogEntries::map)
                    .list());
        }
        return found;
    }

    Optional<LedgerEntry> findByIndex(LogId log, long index) {
        return jdbc.sql("SELECT * FROM log_entries WHERE log_id = :log AND idx = :idx")
                .param("log", log.value())
                .param("idx", index)
                .query(LogEntries::map)
                .optional();
    }

    Optional<LedgerEntry> findByEventId(LogId log, String eventId) {
        return jdbc.sql("SELECT * FROM log_entries WHERE log_id = :log AND event_id = :eventId")
                .param("log", log.value())
                .param("eventId", eventId)
                .query(LogEntries::map)
                .optional();
    }

    /**
     * Leaf hashes {@code [from, from + count)} in order: level 0 of the tree, hashed from the
     * entries (a partial leaf tile; completed ones are stored whole in {@link LeafTiles}).
     */
    List<byte[]> leafHashRange(LogId log, long from, int count) {
        return canonicalRange(log, from, count).stream().map(Rfc9162::leafHash).toList();
    }

    /** The total size of canonical entries {@code [from, from + count)}, read without reading them. */
    long canonicalRangeBytes(LogId log, long from, int count) {
        Long bytes = jdbc.sql(
                        "SELECT SUM(LENGTH(entry)) FROM log_entries WHERE log_id = :log AND idx >= :from AND idx < :to")
                .param("log", log.value())
                .param("from", from)
                .param("to", from + count)
                .query(Long.class)
                .single();
        return bytes == null ? 0 : bytes;
    }

    /** Canonical entries {@code [from, from + count)} in order, for entry bundles. */
    List<byte[]> canonicalRange(LogId log, long from, int count) {
        return jdbc.sql("SELECT entry FROM log_entries WHERE log_id = :log AND idx >= :from AND idx < :to ORDER BY idx")
                .param("log", log.value())
                .param("from", from)
                .param("to", from + count)
                .query((row, n) -> row.getBytes(1))
                .list();
    }

    /** A layer's entries that occurred in [from, to), in log order, at most {@code max}. */
    /**
     * Streams the events of one layer that occurred in [from, to) (of the given types; null: all), in
     * log order, without holding them all: a month's report may read ten million. Pages are read by
     * index (the log only grows at its end), each its own statement, so no transaction (and, on
     * SQLite, no lock) is held for the whole read; the next page is read on another thread while
     * the caller consumes this one.
     */
    void forEachOfLayer(LogId log, String layer, List<String> types, long from, long to, Consumer<LoggedEvent> each) {
        forEachOfLayer(log, layer, types, 0, from, to, each);
    }

    /** As above, from log index {@code startIndex} on. */
    void forEachOfLayer(
            LogId log,
            String layer,
            List<String> types,
            long startIndex,
            long from,
            long to,
            Consumer<LoggedEvent> each) {
        String typeFilter = types == null
                ? ""
                : " AND type IN (" + String.join(", ", java.util.Collections.nCopies(types.size(), "?")) + ")";
        String sql = """
                SELECT idx, type, occurred_at, entry FROM log_entries
                WHERE log_id = ? AND service_layer_id = ? AND idx > ? AND occurred_at >= ? AND occurred_at < ?%s
                ORDER BY idx
                LIMIT %d
                """.formatted(typeFilter, PAGE);
        java.util.function.LongFunction<List<LoggedEvent>> page = after -> {
            List<Object> params = new ArrayList<>(List.of(log.value(), layer, after, from, to));
            if (types != null) {
                params.addAll(types);
            }
            return batch.query(
                    sql,
                    (row, n) -> new LoggedEvent(
                            row.getLong(1),
                            row.getString(2),
                            java.time.Instant.ofEpochMilli(row.getLong(3)),
                            row.getBytes(4)),
                    params.toArray());
        };
        List<LoggedEvent> current = page.apply(startIndex - 1);
        while (true) {
            java.util.concurrent.CompletableFuture<List<LoggedEvent>> next = null;
            if (current.size() == PAGE) {
                long last = current.get(current.size() - 1).index();
                next = java.util.concurrent.CompletableFuture.supplyAsync(() -> page.apply(last), READ_AHEAD);
            }
            current.forEach(each);
            if (next == null) {
                return;
            }
            current = next.join();
        }
    }

    /** Whether the layer has an entry before log index {@code beforeIndex} that occurred in [from, to). */
    boolean anyOfLayerBefore(LogId log, String layer, long beforeIndex, long from, long to) {
        return !batch.queryForList("""
                        SELECT idx FROM log_entries
                        WHERE log_id = ? AND service_layer_id = ? AND idx < ? AND occurred_at >= ? AND occurred_at < ?
                        LIMIT 1
                        """, Long.class, log.value(), layer, beforeIndex, from, to)
                .isEmpty();
    }

    /** Up to {@code max} entries at or after {@code fromIndex} that name a service layer, in log order. */
    List<LedgerEntry> ofAnyLayer(LogId log, long fromIndex, int max) {
        return batch.query("""
                SELECT * FROM log_entries
                WHERE log_id = ? AND idx >= ? AND service_layer_id IS NOT NULL
                ORDER BY idx
                LIMIT ?
                """, LogEntries::map, log.value(), fromIndex, max);
    }

    /**
     * Newest first, narrowed by any of the optional filters. Each filter leads to its own index:
     * written as one statement with {@code (:type IS NULL OR type = :type)} the planner could only
     * walk the log backwards from its end, reading every row for a rare type or an event id. A
     * type or layer search first picks the page's indexes from that column's
     * index alone (it holds log id, value and index, so no row is read), then reads those rows.
     */
    List<LedgerEntry> search(LogId log, EntrySearch search) {
        if (search.eventId() != null) {
            return batch.query(
                    """
                    SELECT * FROM log_entries WHERE log_id = ? AND event_id = ? AND idx < ?
                    AND (CAST(? AS TEXT) IS NULL OR type = ?) AND (CAST(? AS TEXT) IS NULL OR service_layer_id = ?)
                    """,
                    LogEntries::map,
                    log.value(),
                    search.eventId(),
                    search.beforeIndex(),
                    search.type(),
                    search.type(),
                    search.serviceLayerId(),
                    search.serviceLayerId());
        }
        if (search.type() == null && search.serviceLayerId() == null) {
            return batch.query(
                    "SELECT * FROM log_entries WHERE log_id = ? AND idx < ? ORDER BY idx DESC LIMIT ?",
                    LogEntries::map,
                    log.value(),
                    search.beforeIndex(),
                    search.limit());
        }
        String page;
        List<Object> params = new ArrayList<>(List.of(log.value(), log.value()));
        if (search.type() == null) {
            page = "SELECT idx FROM log_entries WHERE log_id = ? AND service_layer_id = ? AND idx < ?";
            params.addAll(List.of(search.serviceLayerId(), search.beforeIndex()));
        } else {
            page = "SELECT t.idx FROM log_entries t WHERE t.log_id = ? AND t.type = ? AND t.idx < ?";
            params.addAll(List.of(search.type(), search.beforeIndex()));
            if (search.serviceLayerId() != null) {
                // Each candidate of the type is checked by its primary key, newest first, until the page is full.
                page += " AND EXISTS (SELECT 1 FROM log_entries l WHERE l.log_id = t.log_id AND l.idx = t.idx"
                        + " AND l.service_layer_id = ?)";
                params.add(search.serviceLayerId());
            }
        }
        params.add(search.limit());
        return batch.query(
                "SELECT * FROM log_entries WHERE log_id = ? AND idx IN (" + page + " ORDER BY idx DESC LIMIT ?)"
                        + " ORDER BY idx DESC",
                LogEntries::map,
                params.toArray());
    }

    private static LedgerEntry map(ResultSet row, int rowNum) throws SQLException {
        return new LedgerEntry(
                row.getLong("idx"),
                row.getString("event_id"),
                row.getString("type"),
                row.getString("service_layer_id"),
                Timestamps.instant(row, "occurred_at"),
                Timestamps.instant(row, "appended_at"),
                row.getBytes("entry"));
    }
}
