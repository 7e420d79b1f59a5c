-- Requests per client (a SHA-256 of its class and identity) per fixed window, shared by the nodes
-- of a fleet when serviceproof.rate-limits.store=database (issue 21).
CREATE TABLE rate_limit_windows (
    bucket       TEXT    NOT NULL,
    window_start BIGINT  NOT NULL,
    requests     INTEGER NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_windows_by_start ON rate_limit_windows (window_start);
