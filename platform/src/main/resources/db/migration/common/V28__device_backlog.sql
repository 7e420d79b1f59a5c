-- What a gateway said it still held undelivered in its last signed heartbeat (payload "backlog"), so
-- the device page shows a plant's store-and-forward backlog beside last seen and clock skew.
ALTER TABLE devices ADD COLUMN last_backlog BIGINT;
