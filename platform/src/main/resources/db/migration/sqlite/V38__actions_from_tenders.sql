-- An action plan step may close a gap that is no library requirement: a tender clause nothing
-- answers (issue 20). requirement_id is then null and source says where the action comes from.
-- SQLite cannot drop a NOT NULL constraint in place: the table is rebuilt with its rows and indexes.
CREATE TABLE assessment_actions_v38 (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    assessment_id   TEXT   NOT NULL REFERENCES assessments (id),
    requirement_id  TEXT,
    title           TEXT   NOT NULL,
    owner_id        TEXT,
    due_date        TEXT   NOT NULL,
    status          TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    created_by      TEXT   NOT NULL,
    updated_at      BIGINT NOT NULL,
    reminded_for    TEXT   NOT NULL DEFAULT '',
    source          TEXT
);
INSERT INTO assessment_actions_v38 (id, organisation_id, assessment_id, requirement_id, title, owner_id, due_date,
    status, created_at, created_by, updated_at, reminded_for)
SELECT id, organisation_id, assessment_id, requirement_id, title, owner_id, due_date, status, created_at, created_by,
    updated_at, reminded_for FROM assessment_actions;
DROP TABLE assessment_actions;
ALTER TABLE assessment_actions_v38 RENAME TO assessment_actions;
CREATE INDEX assessment_actions_by_assessment ON assessment_actions (organisation_id, assessment_id, due_date);
CREATE INDEX assessment_actions_by_due ON assessment_actions (organisation_id, status, due_date);
