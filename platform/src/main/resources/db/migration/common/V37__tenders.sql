-- Tender compliance matrices (issue 20). A tender is a buyer's requirement list as it was imported:
-- the original file is kept as a blob (source_sha256) so the answers can be written back into the
-- buyer's own workbook, and layout says where (sheet, header row, the columns read and written, as
-- JSON). Its clauses keep the buyer's numbering and order; each carries its detected language, a
-- digest of its normalised text (to find confirmed answers of earlier tenders), the suggestions of
-- the last matching run (JSON, ranked, with reasons) and, once a person confirmed it, the answer.
-- Matching runs in the background: status QUEUED/RUNNING/DONE/FAILED, matched counts clauses done,
-- updated_at is the running node's heartbeat (a stale one lets another node claim the run).
-- A gap clause may be put on an assessment's action plan: action_id and action_assessment_id name the step.
-- tender_answer_memory remembers each confirmed answer per normalised clause text, newest wins.
-- Instants are epoch milliseconds.
CREATE TABLE tenders (
    id               TEXT    PRIMARY KEY,
    organisation_id  TEXT    NOT NULL REFERENCES organisations (id),
    title            TEXT    NOT NULL,
    buyer            TEXT,
    offering_id      TEXT,
    language         TEXT    NOT NULL,
    source_name      TEXT    NOT NULL,
    source_format    TEXT    NOT NULL,
    source_sha256    TEXT    NOT NULL,
    layout           TEXT    NOT NULL,
    clause_count     INTEGER NOT NULL,
    status           TEXT    NOT NULL,
    matched          INTEGER NOT NULL DEFAULT 0,
    failure          TEXT,
    created_by       TEXT    NOT NULL,
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL
);
CREATE INDEX tenders_by_organisation ON tenders (organisation_id, created_at);
CREATE INDEX tenders_by_status ON tenders (status, updated_at);

CREATE TABLE tender_clauses (
    id               TEXT    PRIMARY KEY,
    tender_id        TEXT    NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
    organisation_id  TEXT    NOT NULL REFERENCES organisations (id),
    position         INTEGER NOT NULL,
    sheet            TEXT,
    row_number       INTEGER NOT NULL,
    number           TEXT,
    text             TEXT    NOT NULL,
    language         TEXT    NOT NULL,
    text_digest      TEXT    NOT NULL,
    suggestions      TEXT,
    answer           TEXT,
    chosen           TEXT,
    reference_text   TEXT,
    remarks          TEXT,
    flags            TEXT,
    answered_by      TEXT,
    answered_at      BIGINT,
    action_id        TEXT,
    action_assessment_id TEXT
);
CREATE UNIQUE INDEX tender_clauses_by_position ON tender_clauses (tender_id, position);
CREATE INDEX tender_clauses_by_digest ON tender_clauses (organisation_id, text_digest);

CREATE TABLE tender_answer_memory (
    organisation_id  TEXT    NOT NULL REFERENCES organisations (id),
    text_digest      TEXT    NOT NULL,
    text             TEXT    NOT NULL,
    answer           TEXT    NOT NULL,
    chosen           TEXT    NOT NULL,
    reference_text   TEXT,
    remarks          TEXT,
    tender_id        TEXT    NOT NULL,
    answered_by      TEXT    NOT NULL,
    answered_at      BIGINT  NOT NULL,
    PRIMARY KEY (organisation_id, text_digest)
);
