-- Sign-in throttling shared by every node (issue 21): failed attempts per account and client, per
-- account, and per client, each with the time of its last failure. Rows past the window are deleted.
CREATE TABLE login_failures (
    throttle_key VARCHAR(600) PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_at BIGINT NOT NULL
);
CREATE INDEX login_failures_last_at ON login_failures (last_at);
