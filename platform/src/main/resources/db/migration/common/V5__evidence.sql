-- The evidence vault. Files are stored once per SHA-256 under <data-dir>/blobs (content-addressed);
-- these tables hold what the organisation says about them. A version is never changed after upload
-- except for its review status; a new file is a new version.
CREATE TABLE evidence_items (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT    NOT NULL REFERENCES organisations (id),
    title           TEXT    NOT NULL,
    evidence_type   TEXT    NOT NULL,
    description     TEXT    NOT NULL DEFAULT '',
    owner_id        TEXT,
    created_at      BIGINT  NOT NULL,
    created_by      TEXT    NOT NULL,
    latest_version  INTEGER NOT NULL
);
CREATE INDEX evidence_items_by_organisation ON evidence_items (organisation_id, created_at);

-- Dates are ISO-8601 text (YYYY-MM-DD), which compares correctly on both databases.
CREATE TABLE evidence_versions (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT    NOT NULL REFERENCES organisations (id),
    item_id         TEXT    NOT NULL REFERENCES evidence_items (id),
    version         INTEGER NOT NULL,
    sha256          TEXT    NOT NULL,
    size            BIGINT  NOT NULL,
    filename        TEXT    NOT NULL,
    media_type      TEXT    NOT NULL,
    effective_date  TEXT    NOT NULL,
    valid_until     TEXT,
    status          TEXT    NOT NULL,
    uploaded_at     BIGINT  NOT NULL,
    uploaded_by_id  TEXT    NOT NULL,
    uploaded_by     TEXT    NOT NULL,
    reviewer_id     TEXT,
    reviewer        TEXT,
    review_comment  TEXT,
    reviewed_at     BIGINT,
    ledger_index    BIGINT,
    UNIQUE (item_id, version)
);
CREATE INDEX evidence_versions_by_status ON evidence_versions (organisation_id, status, valid_until);
CREATE INDEX evidence_versions_by_sha256 ON evidence_versions (organisation_id, sha256);

-- What a piece of evidence supports: a catalog requirement or a service layer.
CREATE TABLE evidence_links (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    item_id         TEXT   NOT NULL REFERENCES evidence_items (id),
    target_kind     TEXT   NOT NULL,
    target_id       TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    created_by      TEXT   NOT NULL,
    UNIQUE (item_id, target_kind, target_id)
);
CREATE INDEX evidence_links_by_target ON evidence_links (organisation_id, target_kind, target_id);
