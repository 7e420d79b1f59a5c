-- Each organisation's credential-issuing Ed25519 key (separate from its log key); the seed is
-- sealed (AES-256-GCM) under the master key. Both base64, so one table definition fits both databases.
CREATE TABLE issuer_keys (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
    public_key      TEXT   NOT NULL,
    sealed_seed     TEXT   NOT NULL,
    created_at      BIGINT NOT NULL
);

-- Issued conformity credentials, exactly as issued (canonical JSON), with their place in the
-- organisation's revocation list and their log entries.
CREATE TABLE credentials (
    id                       TEXT PRIMARY KEY,
    organisation_id          TEXT    NOT NULL REFERENCES organisations (id),
    assessment_id            TEXT    NOT NULL,
    offering_id              TEXT    NOT NULL,
    market                   TEXT    NOT NULL,
    status_index             INTEGER NOT NULL,
    document                 TEXT    NOT NULL,
    sha256                   TEXT    NOT NULL,
    issued_at                BIGINT  NOT NULL,
    issued_by                TEXT    NOT NULL,
    ledger_index             BIGINT  NOT NULL,
    revoked_at               BIGINT,
    revoked_by               TEXT,
    revocation_reason        TEXT,
    revocation_ledger_index  BIGINT,
    UNIQUE (organisation_id, status_index)
);
CREATE INDEX credentials_by_issue ON credentials (organisation_id, issued_at);
