package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
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

    void insert(OrganisationId organisation, long tileIndex, byte[] hashes) {
        jdbc.sql("INSERT INTO log_leaf_tiles (organisation_id, tile_index, hashes) VALUES (:org, :tile, :hashes)")
                .param("org", organisation.toString())
                .param("tile", tileIndex)
                .param("hashes", hashes)
                .update();
    }

    Optional<byte[]> find(OrganisationId organisation, long tileIndex) {
        return jdbc.sql("SELECT hashes FROM log_leaf_tiles WHERE organisation_id = :org AND tile_index = :tile")
                .param("org", organisation.toString())
                .param("tile", tileIndex)
                .query((row, n) -> row.getBytes(1))
                .optional();
    }
}
