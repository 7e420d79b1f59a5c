-- Remote technicians and the records that say they may do the work: training, certifications
-- (issuer, number, scope such as "remote access to customer OT", validity), and per service layer
-- the tasks that need a current certification and who is authorised for each.
CREATE TABLE technicians (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT    NOT NULL REFERENCES organisations (id),
    name            TEXT    NOT NULL,
    email           TEXT    NOT NULL DEFAULT '',
    employer        TEXT    NOT NULL DEFAULT '',
    roles           TEXT    NOT NULL DEFAULT '',
    user_id         TEXT,
    active          BOOLEAN NOT NULL,
    created_at      BIGINT  NOT NULL
);
CREATE INDEX technicians_by_organisation ON technicians (organisation_id, name);

-- Training and certification records share one table: a certification has an issuer and number,
-- a training a provider; both may expire and may point at the evidence that proves them.
CREATE TABLE qualifications (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    technician_id   TEXT   NOT NULL REFERENCES technicians (id),
    kind            TEXT   NOT NULL,
    name            TEXT   NOT NULL,
    issuer          TEXT   NOT NULL DEFAULT '',
    number          TEXT   NOT NULL DEFAULT '',
    scope           TEXT   NOT NULL DEFAULT '',
    obtained_on     TEXT   NOT NULL,
    valid_until     TEXT,
    evidence_id     TEXT,
    expiry_noticed  TEXT   NOT NULL DEFAULT '',
    created_at      BIGINT NOT NULL,
    created_by      TEXT   NOT NULL
);
CREATE INDEX qualifications_by_technician ON qualifications (organisation_id, technician_id);
CREATE INDEX qualifications_by_expiry ON qualifications (organisation_id, valid_until);

-- A task of a service layer that needs a current qualification whose scope names it.
CREATE TABLE layer_tasks (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    layer_id        TEXT   NOT NULL,
    task            TEXT   NOT NULL,
    required_scope  TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    UNIQUE (organisation_id, layer_id, task)
);

CREATE TABLE authorisations (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    technician_id   TEXT   NOT NULL REFERENCES technicians (id),
    task_id         TEXT   NOT NULL REFERENCES layer_tasks (id),
    granted_at      BIGINT NOT NULL,
    granted_by      TEXT   NOT NULL,
    UNIQUE (technician_id, task_id)
);
