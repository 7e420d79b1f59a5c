-- Log entries and completed leaf tiles move from WITHOUT ROWID tables to ordinary rowid tables
-- (SQLite only; PostgreSQL's heap tables are unaffected).
--
-- A WITHOUT ROWID table is stored as an index B-tree: its rows are keys, and SQLite keeps at most
-- about a quarter of a page of a key on its page (about 1,000 bytes on 4 KiB pages), the rest in
-- overflow pages. SQLite's documentation advises such tables only for rows under about a twentieth of
-- a page. A device-signed entry is about 1,000 bytes, and a leaf tile is 8,192: each entry took a
-- page of its own plus an overflow page, so the log wrote about 4.8 KiB per 1 KiB entry (measured:
-- 957 MB for 200,000 entries, 299 MB as a rowid table), and appends were bound by those bytes
-- (docs/benchmarks.md). In a rowid table a row of up to about 4,000 bytes stays on its leaf page,
-- and rows are appended in idx order at the end of the table's B-tree.
--
-- (log_id, idx) and (log_id, event_id) stay unique, now as indexes of their own. The copy keeps
-- every row byte for byte; on a large log it takes as long as writing the log once.

CREATE TABLE log_entries_v39 (
    log_id           INTEGER NOT NULL,
    idx              BIGINT  NOT NULL,
    event_id         TEXT    NOT NULL,
    type             TEXT    NOT NULL,
    service_layer_id TEXT,
    occurred_at      BIGINT  NOT NULL,
    appended_at      BIGINT  NOT NULL,
    entry            BLOB    NOT NULL
);
INSERT INTO log_entries_v39
SELECT log_id, idx, event_id, type, service_layer_id, occurred_at, appended_at, entry
FROM log_entries
ORDER BY log_id, idx;
DROP TABLE log_entries;
ALTER TABLE log_entries_v39 RENAME TO log_entries;
CREATE UNIQUE INDEX log_entries_by_index ON log_entries (log_id, idx);
CREATE UNIQUE INDEX log_entries_by_event_id ON log_entries (log_id, event_id);
CREATE INDEX log_entries_by_type ON log_entries (log_id, type, idx);
CREATE INDEX log_entries_by_layer ON log_entries (log_id, service_layer_id, idx);

CREATE TABLE log_leaf_tiles_v39 (
    log_id     INTEGER NOT NULL,
    tile_index BIGINT  NOT NULL,
    hashes     BLOB    NOT NULL
);
INSERT INTO log_leaf_tiles_v39
SELECT log_id, tile_index, hashes
FROM log_leaf_tiles
ORDER BY log_id, tile_index;
DROP TABLE log_leaf_tiles;
ALTER TABLE log_leaf_tiles_v39 RENAME TO log_leaf_tiles;
CREATE UNIQUE INDEX log_leaf_tiles_by_index ON log_leaf_tiles (log_id, tile_index);
