-- A service layer's API contracts (OpenAPI documents), versioned; each upload is validated, hashed,
-- compared with the previous one for breaking changes, and recorded in the log.
CREATE TABLE api_contracts (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT    NOT NULL REFERENCES organisations (id),
    layer_id        TEXT    NOT NULL REFERENCES service_layers (id),
    version         INTEGER NOT NULL,
    title           TEXT    NOT NULL,
    api_version     TEXT    NOT NULL,
    openapi_version TEXT    NOT NULL,
    operations      INTEGER NOT NULL,
    content         TEXT    NOT NULL,
    sha256          TEXT    NOT NULL,
    breaking        BOOLEAN NOT NULL,
    uploaded_at     BIGINT  NOT NULL,
    uploaded_by     TEXT    NOT NULL,
    ledger_index    BIGINT  NOT NULL,
    UNIQUE (layer_id, version)
);
