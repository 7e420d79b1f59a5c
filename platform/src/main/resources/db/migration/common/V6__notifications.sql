-- In-app notices for one user (evidence expired, a certification lapsing, an SLA breach). The text
-- is a message key with arguments, so each reader sees it in their own language.
CREATE TABLE notifications (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    user_id         TEXT   NOT NULL,
    message_key     TEXT   NOT NULL,
    arguments       TEXT   NOT NULL,
    link            TEXT,
    created_at      BIGINT NOT NULL,
    read_at         BIGINT
);
CREATE INDEX notifications_by_user ON notifications (organisation_id, user_id, created_at);
