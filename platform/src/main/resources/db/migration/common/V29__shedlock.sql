-- One schedule across nodes (issue 21): ShedLock's table. A scheduled job runs on the node that takes
-- its row; lock_until bounds how long a dead node's lock keeps the others waiting.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
