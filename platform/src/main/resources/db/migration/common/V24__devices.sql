-- Devices that sign their own events (issue 19): each has an Ed25519 key generated on the device
-- (only the public key is stored), may be bound to one service layer, and has a lifecycle whose
-- every change is also an entry of the organisation's log. The counters describe what arrived:
-- events whose signature verified, those whose device clock was off by more than the allowed skew,
-- and the last arrival. Instants are epoch milliseconds.
CREATE TABLE devices (
    id                 TEXT    PRIMARY KEY,
    organisation_id    TEXT    NOT NULL REFERENCES organisations (id),
    name               TEXT    NOT NULL,
    service_layer_id   TEXT,
    key_id             TEXT    NOT NULL,
    public_key         TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    registered_by      TEXT    NOT NULL,
    registered_at      BIGINT  NOT NULL,
    registration_index BIGINT  NOT NULL,
    status_changed_at  BIGINT  NOT NULL,
    signed_events      BIGINT  NOT NULL DEFAULT 0,
    skewed_events      BIGINT  NOT NULL DEFAULT 0,
    last_skew_ms       BIGINT,
    last_seen_at       BIGINT,
    UNIQUE (organisation_id, key_id),
    UNIQUE (organisation_id, name)
);
