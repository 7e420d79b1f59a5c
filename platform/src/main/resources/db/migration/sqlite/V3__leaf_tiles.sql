-- Each completed level-0 tile (256 leaf hashes, 8 KiB) stored once, so proofs and tile reads fetch
-- one row instead of 256 entries. Partial tiles are still read from log_entries.leaf_hash.
CREATE TABLE log_leaf_tiles (
    organisation_id TEXT   NOT NULL,
    tile_index      BIGINT NOT NULL,
    hashes          BLOB   NOT NULL,
    PRIMARY KEY (organisation_id, tile_index)
) WITHOUT ROWID;
