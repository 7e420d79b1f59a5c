package io.serviceproof.ledger;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Complete-subtree hashes of each log's tree at the tile levels 8, 16, 24, … (see {@link TreeNodes}). */
@Repository
class LogNodes {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    LogNodes(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record Node(int level, long index, byte[] hash) {}

    void insertAll(LogId log, List<Node> nodes) {
        batch.batchUpdate(
                "INSERT INTO log_nodes (log_id, level, idx, hash) VALUES (?, ?, ?, ?)",
                nodes,
                1000,
                (statement, node) -> {
                    statement.setLong(1, log.value());
                    statement.setInt(2, node.level());
                    statement.setLong(3, node.index());
                    statement.setBytes(4, node.hash());
                });
    }

    /** Hashes {@code [from, from + count)} of one level, in order; fewer if they do not exist (yet). */
    List<byte[]> range(LogId log, int level, long from, int count) {
        return jdbc.sql("""
                        SELECT hash FROM log_nodes
                        WHERE log_id = :log AND level = :level AND idx >= :from AND idx < :to
                        ORDER BY idx
                        """)
                .param("log", log.value())
                .param("level", level)
                .param("from", from)
                .param("to", from + count)
                .query((row, n) -> row.getBytes(1))
                .list();
    }
}
