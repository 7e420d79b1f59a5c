-- The action plan of an assessment: a gap, what will close it, who, by when, and where it stands.
CREATE TABLE assessment_actions (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    assessment_id   TEXT   NOT NULL REFERENCES assessments (id),
    requirement_id  TEXT   NOT NULL,
    title           TEXT   NOT NULL,
    owner_id        TEXT,
    due_date        TEXT   NOT NULL,
    status          TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    created_by      TEXT   NOT NULL,
    updated_at      BIGINT NOT NULL,
    reminded_for    TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX assessment_actions_by_assessment ON assessment_actions (organisation_id, assessment_id, due_date);
CREATE INDEX assessment_actions_by_due ON assessment_actions (organisation_id, status, due_date);
