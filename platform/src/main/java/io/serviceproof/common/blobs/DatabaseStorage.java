package io.serviceproof.common.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Blobs in the database, in chunks of 1 MiB ({@code blobs}, {@code blob_chunks}): written in one
 * transaction, so a blob is there whole or not at all; read one chunk per query, so a 1 GB file
 * never sits in memory on either side. The same digest stored twice (two nodes, one upload each) is
 * one blob: the second transaction finds the row and writes nothing.
 */
final class DatabaseStorage implements BlobStorage {

    static final int CHUNK = 1 << 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DatabaseStorage(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void put(String sha256, Path file, long size) throws IOException {
        if (exists(sha256)) {
            Files.deleteIfExists(file);
            return;
        }
        int chunks = (int) ((size + CHUNK - 1) / CHUNK);
        try {
            transaction.executeWithoutResult(status -> {
                int inserted = jdbc.sql("""
                                INSERT INTO blobs (sha256, size, chunks, stored_at) VALUES (:sha, :size, :chunks, :at)
                                ON CONFLICT (sha256) DO NOTHING
                                """)
                        .param("sha", sha256)
                        .param("size", size)
                        .param("chunks", chunks)
                        .param("at", clock.millis())
                        .update();
                if (inserted == 0) {
                    return; // another node stored the same bytes first
                }
                try (InputStream in = Files.newInputStream(file)) {
                    for (int seq = 0; seq < chunks; seq++) {
                        jdbc.sql("INSERT INTO blob_chunks (sha256, seq, data) VALUES (:sha, :seq, :data)")
                                .param("sha", sha256)
                                .param("seq", seq)
                                .param("data", in.readNBytes(CHUNK))
                                .update();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        Files.deleteIfExists(file);
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        Integer chunks = jdbc.sql("SELECT chunks FROM blobs WHERE sha256 = :sha")
                .param("sha", sha256)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new java.io.FileNotFoundException("no blob " + sha256));
        return new ChunkStream(sha256, chunks);
    }

    @Override
    public boolean exists(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM blobs WHERE sha256 = :sha")
                        .param("sha", sha256)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public void delete(String sha256) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM blob_chunks WHERE sha256 = :sha")
                    .param("sha", sha256)
                    .update();
            jdbc.sql("DELETE FROM blobs WHERE sha256 = :sha")
                    .param("sha", sha256)
                    .update();
        });
    }

    /** Reads the chunks in order, one query each, holding one chunk at a time. */
    private final class ChunkStream extends InputStream {

        private final String sha256;
        private final int chunks;
        private int next;
        private byte[] current = new byte[0];
        private int position;

        ChunkStream(String sha256, int chunks) {
            this.sha256 = sha256;
            this.chunks = chunks;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (position == current.length) {
                if (next == chunks) {
                    return -1;
                }
                current = jdbc.sql("SELECT data FROM blob_chunks WHERE sha256 = :sha AND seq = :seq")
                        .param("sha", sha256)
                        .param("seq", next)
                        .query(byte[].class)
                        .optional()
                        .orElseThrow(() -> new IOException("blob " + sha256 + " lacks chunk " + next));
                next++;
                position = 0;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
