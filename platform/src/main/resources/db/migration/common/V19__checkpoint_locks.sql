-- The latest signed checkpoint of each log, kept apart from the tiles and moved forward only by
-- compare-and-swap (used when several nodes share PostgreSQL; the embedded default keeps it in a
-- file outside the database). Before signing, the stored tree must reproduce it.
CREATE TABLE log_checkpoint_locks (
    organisation_id TEXT   PRIMARY KEY,
    note            TEXT   NOT NULL,
    updated_at      BIGINT NOT NULL
);
