-- Bulk imports of historical events (issue 19): a JSON Lines or CSV file kept in the blob store by
-- its SHA-256 and logged in batches. lines_done is the last line whose batch is durably logged, so an
-- import interrupted by a node's death resumes there (event ids make a re-sent batch harmless);
-- updated_at is the running node's heartbeat, and a stale one lets another run claim the import.
-- problems holds the first bad lines as JSON. Instants are epoch milliseconds.
CREATE TABLE event_imports (
    id               TEXT    PRIMARY KEY,
    organisation_id  TEXT    NOT NULL REFERENCES organisations (id),
    name             TEXT    NOT NULL,
    format           TEXT    NOT NULL,
    on_bad_line      TEXT    NOT NULL,
    mapping          TEXT,
    sha256           TEXT    NOT NULL,
    total_bytes      BIGINT  NOT NULL,
    status           TEXT    NOT NULL,
    phase            TEXT    NOT NULL,
    bytes_read       BIGINT  NOT NULL DEFAULT 0,
    lines_done       BIGINT  NOT NULL DEFAULT 0,
    logged           BIGINT  NOT NULL DEFAULT 0,
    already_present  BIGINT  NOT NULL DEFAULT 0,
    refused          BIGINT  NOT NULL DEFAULT 0,
    problems         TEXT    NOT NULL DEFAULT '[]',
    created_by       TEXT    NOT NULL,
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL,
    finished_at      BIGINT
);
CREATE INDEX event_imports_by_organisation ON event_imports (organisation_id, created_at);
CREATE INDEX event_imports_by_status ON event_imports (status, updated_at);
