-- Offerings (hardware + services bundles sold into markets) and their service layers. A layer has
-- one editable draft; publishing freezes it as a numbered version that is never changed again, stored
-- as RFC 8785 canonical JSON with its SHA-256 and the log entry that recorded it.
CREATE TABLE service_offerings (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    name            TEXT   NOT NULL,
    description     TEXT   NOT NULL DEFAULT '',
    hardware        TEXT   NOT NULL DEFAULT '',
    markets         TEXT   NOT NULL DEFAULT '',
    created_at      BIGINT NOT NULL,
    created_by      TEXT   NOT NULL
);
CREATE INDEX service_offerings_by_organisation ON service_offerings (organisation_id, name);

CREATE TABLE service_layers (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT    NOT NULL REFERENCES organisations (id),
    offering_id      TEXT    NOT NULL REFERENCES service_offerings (id),
    code             TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    template         TEXT    NOT NULL,
    owner_id         TEXT,
    draft            TEXT    NOT NULL,
    draft_updated_at BIGINT  NOT NULL,
    draft_updated_by TEXT    NOT NULL,
    latest_version   INTEGER NOT NULL DEFAULT 0,
    created_at       BIGINT  NOT NULL
);
CREATE INDEX service_layers_by_offering ON service_layers (organisation_id, offering_id);
-- The code is what producers put in their events' serviceLayerId.
CREATE UNIQUE INDEX service_layers_by_code ON service_layers (organisation_id, code);

CREATE TABLE service_layer_versions (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT    NOT NULL REFERENCES organisations (id),
    layer_id        TEXT    NOT NULL REFERENCES service_layers (id),
    version         INTEGER NOT NULL,
    content         TEXT    NOT NULL,
    sha256          TEXT    NOT NULL,
    published_at    BIGINT  NOT NULL,
    published_by    TEXT    NOT NULL,
    ledger_index    BIGINT  NOT NULL,
    UNIQUE (layer_id, version)
);
