-- Each organisation's witness policy (the verifier's policy format, docs/formats.md "Witness
-- policy"), and every cosignature its witnesses returned, per checkpoint size.
CREATE TABLE log_witness_policies (
    organisation_id TEXT   PRIMARY KEY REFERENCES organisations (id),
    policy          TEXT   NOT NULL,
    updated_at      BIGINT NOT NULL
);

CREATE TABLE log_cosignatures (
    organisation_id TEXT   NOT NULL,
    size            BIGINT NOT NULL,
    witness         TEXT   NOT NULL,
    line            TEXT   NOT NULL,
    cosigned_at     BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, size, witness)
);
