-- MQTT ingest (issue 19): brokers an organisation's events arrive from. A message is either a log
-- entry (or batch) in the ingest API's JSON, or any JSON mapped by JSON pointers to an event of one
-- type and layer. The broker password is sealed with the master key. The counters say what arrived.
-- Instants are epoch milliseconds.
CREATE TABLE mqtt_connections (
    id                  TEXT    PRIMARY KEY,
    organisation_id     TEXT    NOT NULL REFERENCES organisations (id),
    name                TEXT    NOT NULL,
    broker_uri          TEXT    NOT NULL,
    mqtt_version        INTEGER NOT NULL,
    username            TEXT,
    password_sealed     TEXT,
    client_id           TEXT    NOT NULL,
    topic_filter        TEXT    NOT NULL,
    shared_group        TEXT,
    event_type          TEXT,
    service_layer_id    TEXT,
    event_id_pointer    TEXT,
    occurred_at_pointer TEXT,
    payload_pointer     TEXT,
    enabled             BOOLEAN NOT NULL,
    created_by          TEXT    NOT NULL,
    created_at          BIGINT  NOT NULL,
    received            BIGINT  NOT NULL DEFAULT 0,
    rejected            BIGINT  NOT NULL DEFAULT 0,
    last_error          TEXT,
    last_received_at    BIGINT,
    UNIQUE (organisation_id, name)
);
