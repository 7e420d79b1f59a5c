-- Whether a connection's last error is a refused message (kept until the next refusal or failure:
-- later good messages do not make a bad one acceptable) or a failure of the connection itself
-- (cleared by the next message logged after it), and when it was recorded.
ALTER TABLE mqtt_connections ADD COLUMN last_error_at BIGINT;
ALTER TABLE mqtt_connections ADD COLUMN last_error_refusal BOOLEAN NOT NULL DEFAULT FALSE;
