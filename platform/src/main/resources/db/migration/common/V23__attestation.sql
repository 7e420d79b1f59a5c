-- Third-party attestation (issue 22, part B): an organisation may be a conformity-assessment body
-- with accreditations; an exporter engages a body on one of its credentials, giving the body's
-- people read access to a frozen snapshot for a limited time; the body's findings, its samples of
-- the exporter's log, and its own credential. Dates are ISO text; instants are epoch milliseconds.
CREATE TABLE conformity_bodies (
    organisation_id TEXT   PRIMARY KEY REFERENCES organisations (id),
    kinds           TEXT   NOT NULL,
    registered_by   TEXT   NOT NULL,
    registered_at   BIGINT NOT NULL
);

CREATE TABLE body_accreditations (
    id                 TEXT   PRIMARY KEY,
    organisation_id    TEXT   NOT NULL REFERENCES organisations (id),
    accreditation_body TEXT   NOT NULL,
    scheme             TEXT   NOT NULL,
    standards          TEXT   NOT NULL,
    sectors            TEXT   NOT NULL,
    certificate_number TEXT   NOT NULL,
    valid_from         TEXT   NOT NULL,
    valid_to           TEXT   NOT NULL,
    evidence_url       TEXT   NOT NULL,
    recorded_by        TEXT   NOT NULL,
    recorded_at        BIGINT NOT NULL,
    UNIQUE (organisation_id, certificate_number)
);

CREATE TABLE engagements (
    id               TEXT   PRIMARY KEY,
    exporter_id      TEXT   NOT NULL REFERENCES organisations (id),
    body_id          TEXT   NOT NULL REFERENCES organisations (id),
    credential_id    TEXT   NOT NULL,
    assessment_id    TEXT   NOT NULL,
    market           TEXT   NOT NULL,
    framework        TEXT,
    attestation_type TEXT   NOT NULL,
    witness_name     TEXT,
    access_until     BIGINT NOT NULL,
    snapshot         TEXT   NOT NULL,
    snapshot_sha256  TEXT   NOT NULL,
    invited_by       TEXT   NOT NULL,
    invited_at       BIGINT NOT NULL,
    ended_by         TEXT,
    ended_at         BIGINT,
    attestation_id   TEXT,
    attested_at      BIGINT
);
CREATE INDEX engagements_by_exporter ON engagements (exporter_id, invited_at);
CREATE INDEX engagements_by_body ON engagements (body_id, invited_at);

CREATE TABLE engagement_findings (
    id              TEXT   PRIMARY KEY,
    engagement_id   TEXT   NOT NULL REFERENCES engagements (id),
    requirement_id  TEXT   NOT NULL,
    requirement     TEXT   NOT NULL,
    grade           TEXT   NOT NULL,
    reason          TEXT   NOT NULL,
    evidence_sha256 TEXT,
    action_id       TEXT,
    status          TEXT   NOT NULL,
    answer          TEXT,
    answered_by     TEXT,
    answered_at     BIGINT,
    raised_by       TEXT   NOT NULL,
    raised_at       BIGINT NOT NULL,
    closed_by       TEXT,
    closed_at       BIGINT
);
CREATE INDEX findings_by_engagement ON engagement_findings (engagement_id, raised_at);

CREATE TABLE engagement_samples (
    id            TEXT    PRIMARY KEY,
    engagement_id TEXT    NOT NULL REFERENCES engagements (id),
    log_index     BIGINT  NOT NULL,
    verified      BOOLEAN NOT NULL,
    outcome       TEXT    NOT NULL,
    sampled_by    TEXT    NOT NULL,
    sampled_at    BIGINT  NOT NULL
);
CREATE INDEX samples_by_engagement ON engagement_samples (engagement_id, sampled_at);

-- A body's own credentials sit beside self-declared ones (one status list per issuer), marked with
-- the engagement they conclude.
ALTER TABLE credentials ADD COLUMN engagement_id TEXT;
-- A body suspends its credential (reversibly) in a second status list, beside the revocation list.
ALTER TABLE credentials ADD COLUMN suspended_at BIGINT;
ALTER TABLE credentials ADD COLUMN suspended_by TEXT;
ALTER TABLE credentials ADD COLUMN suspension_reason TEXT;
ALTER TABLE credentials ADD COLUMN suspension_changed_at BIGINT;
