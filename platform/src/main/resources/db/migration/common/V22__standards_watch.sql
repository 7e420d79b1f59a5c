-- The standards watch (issue 17): what an organisation tracks (editions, drafts, withdrawals, laws
-- and decrees, accreditation-scheme transitions, the reported action plan), the feeds it polls for
-- news of them, and each feed item as a proposed change a compliance manager accepts or dismisses.
-- Dates are ISO text (the same on SQLite and PostgreSQL); instants are epoch milliseconds.
CREATE TABLE watch_items (
    id                  TEXT   PRIMARY KEY,
    organisation_id     TEXT   NOT NULL REFERENCES organisations (id),
    item_key            TEXT,
    kind                TEXT   NOT NULL,
    title               TEXT   NOT NULL,
    framework_ref       TEXT,
    replaced_by_ref     TEXT,
    market              TEXT,
    lifecycle           TEXT   NOT NULL,
    published_on        TEXT,
    in_force_on         TEXT,
    transition_deadline TEXT,
    source              TEXT   NOT NULL,
    prov_tag            TEXT   NOT NULL,
    origin              TEXT   NOT NULL,
    accepted_by         TEXT,
    accepted_at         BIGINT,
    created_at          BIGINT NOT NULL,
    UNIQUE (organisation_id, item_key)
);

CREATE TABLE watch_feeds (
    id              TEXT   PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    name            TEXT   NOT NULL,
    url             TEXT   NOT NULL,
    last_polled_at  BIGINT,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    UNIQUE (organisation_id, url)
);

CREATE TABLE watch_proposals (
    id              TEXT   PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    feed_id         TEXT   NOT NULL, -- kept after the feed is removed, with its name
    feed_name       TEXT   NOT NULL,
    entry_id        TEXT   NOT NULL,
    title           TEXT   NOT NULL,
    link            TEXT,
    published_at    BIGINT,
    summary         TEXT   NOT NULL DEFAULT '',
    status          TEXT   NOT NULL,
    decided_by      TEXT,
    decided_at      BIGINT,
    dismissal       TEXT,
    item_id         TEXT,
    created_at      BIGINT NOT NULL,
    UNIQUE (organisation_id, feed_id, entry_id)
);

CREATE INDEX watch_proposals_status ON watch_proposals (organisation_id, status);
