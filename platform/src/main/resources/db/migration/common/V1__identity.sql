-- Organisations are the tenants. Every other table carries organisation_id and every query
-- filters on it (see identity.Tenancy).
CREATE TABLE organisations (
    id          TEXT PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    log_public  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  BIGINT  NOT NULL
);

-- E-mail addresses are stored lower-cased and are unique across the installation, because the
-- sign-in form asks for an e-mail only.
CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT    NOT NULL REFERENCES organisations (id),
    email           TEXT    NOT NULL UNIQUE,
    display_name    TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,
    active          BOOLEAN NOT NULL,
    created_at      BIGINT  NOT NULL,
    deactivated_at  BIGINT
);
CREATE INDEX users_by_organisation ON users (organisation_id, email);

-- Only a SHA-256 of each token secret is kept; the secret is shown once at creation.
CREATE TABLE api_tokens (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    name            TEXT   NOT NULL,
    role            TEXT   NOT NULL,
    secret_sha256   TEXT   NOT NULL UNIQUE,
    secret_prefix   TEXT   NOT NULL,
    created_by      TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT,
    revoked_at      BIGINT,
    last_used_at    BIGINT
);
CREATE INDEX api_tokens_by_organisation ON api_tokens (organisation_id, created_at);

-- Who did what and when, per organisation. Append-only: the application never updates or
-- deletes a row.
CREATE TABLE trail_entries (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    occurred_at     BIGINT NOT NULL,
    actor_kind      TEXT   NOT NULL,
    actor_id        TEXT   NOT NULL,
    actor_name      TEXT   NOT NULL,
    action          TEXT   NOT NULL,
    target_type     TEXT,
    target_id       TEXT,
    detail          TEXT   NOT NULL DEFAULT '',
    remote_address  TEXT
);
CREATE INDEX trail_entries_by_time ON trail_entries (organisation_id, occurred_at);
