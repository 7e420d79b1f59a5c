-- The verifiable log, one per organisation (SQLite flavour: BLOB, WITHOUT ROWID tables).

-- The sequencer's state: how many entries each log holds. Its row is locked (written) first in
-- every append, which serialises appenders.
CREATE TABLE log_heads (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
    size            BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);

-- Entries are RFC 8785 canonical JSON; leaf_hash = SHA-256(0x00 || entry).
CREATE TABLE log_entries (
    organisation_id  TEXT   NOT NULL,
    idx              BIGINT NOT NULL,
    event_id         TEXT   NOT NULL,
    type             TEXT   NOT NULL,
    service_layer_id TEXT,
    occurred_at      BIGINT NOT NULL,
    appended_at      BIGINT NOT NULL,
    entry            BLOB   NOT NULL,
    leaf_hash        BLOB   NOT NULL,
    PRIMARY KEY (organisation_id, idx),
    UNIQUE (organisation_id, event_id)
) WITHOUT ROWID;
CREATE INDEX log_entries_by_type ON log_entries (organisation_id, type, idx);
CREATE INDEX log_entries_by_layer ON log_entries (organisation_id, service_layer_id, idx);

-- Complete subtree hashes at the tile levels 8, 16, 24, ... Level 0 (the leaf hashes) is
-- log_entries.leaf_hash; the levels in between are hashed from their tile when needed.
CREATE TABLE log_nodes (
    organisation_id TEXT    NOT NULL,
    level           INTEGER NOT NULL,
    idx             BIGINT  NOT NULL,
    hash            BLOB    NOT NULL,
    PRIMARY KEY (organisation_id, level, idx)
) WITHOUT ROWID;

-- Each log's Ed25519 signing key; the seed is sealed (AES-256-GCM) under the master key.
CREATE TABLE log_keys (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
    key_name        TEXT   NOT NULL,
    public_key      BLOB   NOT NULL,
    sealed_seed     BLOB   NOT NULL,
    created_at      BIGINT NOT NULL
);

-- Every checkpoint published, as the signed note served to clients.
CREATE TABLE log_checkpoints (
    organisation_id TEXT   NOT NULL,
    size            BIGINT NOT NULL,
    note            TEXT   NOT NULL,
    published_at    BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, size)
);
