package io.serviceproof.ledger;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Completed level-0 tiles: 256 leaf hashes concatenated, written once when the tile fills. */
@Repository
class LeafTiles {

    private final JdbcClient jdbc;

    LeafTiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(LogId log, long tileIndex, byte[] hashes) {
        jdbc.sql("INSERT INTO log_leaf_tiles (log_id, tile_index, hashes) VALUES (:log, :tile, :hashes)")
                .param("log", log.value())
                .param("tile", tileIndex)
                .param("hashes", hashes)
                .update();
    }

    Optional<byte[]> find(LogId log, long tileIndex) {
        return jdbc.sql("SELECT hashes FROM log_leaf_tiles WHERE log_id = :log AND tile_index = :tile")
                .param("log", log.value())
                .param("tile", tileIndex)
                .query((row, n) -> row.getBytes(1))
                .optional();
    }
}
