-- OPC UA server certificates an edge gateway met and refused, and the decision a person made about
-- each (trusted or not), per device: the gateway reports, the device page decides, the gateway reads.
CREATE TABLE opcua_server_certificates (
    organisation_id TEXT    NOT NULL,
    device_id       TEXT    NOT NULL,
    fingerprint     TEXT    NOT NULL,
    endpoint        TEXT    NOT NULL,
    subject         TEXT,
    trusted         BOOLEAN NOT NULL,
    first_seen_at   BIGINT  NOT NULL,
    last_seen_at    BIGINT  NOT NULL,
    decided_by      TEXT,
    decided_at      BIGINT,
    PRIMARY KEY (organisation_id, device_id, fingerprint)
);
