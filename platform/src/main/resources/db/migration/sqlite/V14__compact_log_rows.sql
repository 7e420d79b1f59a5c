-- Log rows, smaller. Every entry is written to four B-trees (the table, its event id, type and
-- layer indexes), so bytes per entry are what bounds appends (ADR 011):
-- - each log gets a small integer id, and the log's high-volume tables key on it instead of the
--   36-character organisation id; heads, keys and checkpoints (a row per log, or per second) keep
--   the organisation id;
-- - an entry's leaf hash is no longer stored beside it: it is SHA-256(0x00 || entry), worked out
--   when read (completed leaf tiles still store theirs, in log_leaf_tiles).

CREATE TABLE log_heads_v14 (
    log_id          INTEGER PRIMARY KEY,
    organisation_id TEXT   NOT NULL UNIQUE REFERENCES organisations (id),
    size            BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
INSERT INTO log_heads_v14 (organisation_id, size, updated_at)
SELECT organisation_id, size, updated_at FROM log_heads ORDER BY organisation_id;
DROP TABLE log_heads;
ALTER TABLE log_heads_v14 RENAME TO log_heads;

CREATE TABLE log_entries_v14 (
    log_id           INTEGER NOT NULL,
    idx              BIGINT  NOT NULL,
    event_id         TEXT    NOT NULL,
    type             TEXT    NOT NULL,
    service_layer_id TEXT,
    occurred_at      BIGINT  NOT NULL,
    appended_at      BIGINT  NOT NULL,
    entry            BLOB    NOT NULL,
    PRIMARY KEY (log_id, idx),
    UNIQUE (log_id, event_id)
) WITHOUT ROWID;
INSERT INTO log_entries_v14
SELECT h.log_id, e.idx, e.event_id, e.type, e.service_layer_id, e.occurred_at, e.appended_at, e.entry
FROM log_entries e JOIN log_heads h ON h.organisation_id = e.organisation_id
ORDER BY h.log_id, e.idx;
DROP TABLE log_entries;
ALTER TABLE log_entries_v14 RENAME TO log_entries;
CREATE INDEX log_entries_by_type ON log_entries (log_id, type, idx);
CREATE INDEX log_entries_by_layer ON log_entries (log_id, service_layer_id, idx);

CREATE TABLE log_nodes_v14 (
    log_id INTEGER NOT NULL,
    level  INTEGER NOT NULL,
    idx    BIGINT  NOT NULL,
    hash   BLOB    NOT NULL,
    PRIMARY KEY (log_id, level, idx)
) WITHOUT ROWID;
INSERT INTO log_nodes_v14
SELECT h.log_id, n.level, n.idx, n.hash
FROM log_nodes n JOIN log_heads h ON h.organisation_id = n.organisation_id;
DROP TABLE log_nodes;
ALTER TABLE log_nodes_v14 RENAME TO log_nodes;

CREATE TABLE log_leaf_tiles_v14 (
    log_id     INTEGER NOT NULL,
    tile_index BIGINT  NOT NULL,
    hashes     BLOB    NOT NULL,
    PRIMARY KEY (log_id, tile_index)
) WITHOUT ROWID;
INSERT INTO log_leaf_tiles_v14
SELECT h.log_id, t.tile_index, t.hashes
FROM log_leaf_tiles t JOIN log_heads h ON h.organisation_id = t.organisation_id;
DROP TABLE log_leaf_tiles;
ALTER TABLE log_leaf_tiles_v14 RENAME TO log_leaf_tiles;
