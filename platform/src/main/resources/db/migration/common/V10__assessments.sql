-- Gap analyses: one offering against one market profile. While open, results are derived on read
-- from the catalog, evidence, service layers and people; a reviewer's override is kept with its
-- reason (history: every override row stays, the latest counts). Sign-off freezes the results as a
-- canonical JSON snapshot whose SHA-256 is appended to the log.
CREATE TABLE assessments (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    offering_id     TEXT   NOT NULL REFERENCES service_offerings (id),
    market          TEXT   NOT NULL,
    title           TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    created_by      TEXT   NOT NULL,
    signed_at       BIGINT,
    signed_by       TEXT,
    snapshot        TEXT,
    sha256          TEXT,
    score           DOUBLE PRECISION,
    ledger_index    BIGINT
);
CREATE INDEX assessments_by_offering ON assessments (organisation_id, offering_id, market);

CREATE TABLE assessment_overrides (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    assessment_id   TEXT   NOT NULL REFERENCES assessments (id),
    requirement_id  TEXT   NOT NULL,
    result          TEXT   NOT NULL,
    reason          TEXT   NOT NULL,
    at              BIGINT NOT NULL,
    by_name         TEXT   NOT NULL
);
CREATE INDEX assessment_overrides_by_assessment ON assessment_overrides (organisation_id, assessment_id, at);
