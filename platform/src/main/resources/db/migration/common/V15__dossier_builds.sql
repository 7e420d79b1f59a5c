-- Dossier builds started in the background. A build is acknowledged (202) before it runs, so it is
-- recorded here first: a build a restart interrupted is run again, and a finished one can be
-- downloaded from any node for a day. The zip itself is a file in <data-dir>/dossiers/<id>.zip.
CREATE TABLE dossier_builds (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    credential_id   TEXT   NOT NULL,
    state           TEXT   NOT NULL,
    failure         TEXT,
    zip_sha256      TEXT,
    started_at      BIGINT NOT NULL,
    finished_at     BIGINT
);
CREATE INDEX dossier_builds_by_state ON dossier_builds (state, started_at);
