-- Blobs in the database (issue 21, serviceproof.blobs.store=database): each blob once per SHA-256,
-- its bytes in chunks of 1 MiB so that neither writing nor reading holds a whole file in memory.
CREATE TABLE blobs (
    sha256 CHAR(64) PRIMARY KEY,
    size BIGINT NOT NULL,
    chunks INTEGER NOT NULL,
    stored_at BIGINT NOT NULL
);
CREATE TABLE blob_chunks (
    sha256 CHAR(64) NOT NULL REFERENCES blobs (sha256),
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (sha256, seq)
);
