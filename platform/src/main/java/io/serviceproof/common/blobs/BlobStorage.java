package io.serviceproof.common.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where kept blobs live, by SHA-256: a folder (one node, the embedded default) or the database (any
 * number of nodes on one PostgreSQL; ADR 024). An object store such as S3 would be a third
 * implementation: put is a conditional create of an immutable object named by its digest, open a
 * streamed GET; callers see only {@link BlobStore}.
 */
interface BlobStorage {

    /** Stores the complete, hashed file under its digest, once; an existing blob of that digest is kept. */
    void put(String sha256, Path file, long size) throws IOException;

    /** The blob's bytes, streamed; a missing blob is an IOException. */
    InputStream open(String sha256) throws IOException;

    boolean exists(String sha256);

    /** Deletes the blob if it is there. */
    void delete(String sha256) throws IOException;
}
