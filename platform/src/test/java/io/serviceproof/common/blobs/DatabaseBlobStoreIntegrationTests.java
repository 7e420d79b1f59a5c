package io.serviceproof.common.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Blobs kept in the database every node shares (issue 21): streamed in and out in chunks, kept once
 * per digest, and re-hashed on read, so bytes changed in the database are noticed.
 */
@SpringBootTest(properties = "serviceproof.blobs.store=database")
class DatabaseBlobStoreIntegrationTests {

    @Autowired
    BlobStore blobs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFileOfSeveralChunksComesBackByteForByteAndIsKeptOnce() throws Exception {
        byte[] file = new byte[3 * DatabaseStorage.CHUNK + 12_345];
        new Random().nextBytes(file);
        String sha256;
        try (BlobStore.Staged staged = blobs.stage(new ByteArrayInputStream(file), Long.MAX_VALUE)) {
            sha256 = staged.sha256();
            blobs.keep(staged);
        }
        try (BlobStore.Staged again = blobs.stage(new ByteArrayInputStream(file), Long.MAX_VALUE)) {
            blobs.keep(again); // a second node receiving the same file
        }

        assertThat(rows("SELECT COUNT(*) FROM blobs WHERE sha256 = :sha", sha256))
                .isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM blob_chunks WHERE sha256 = :sha", sha256))
                .isEqualTo(4);
        try (InputStream in = blobs.open(sha256)) {
            assertThat(in.readAllBytes()).isEqualTo(file);
        }
        assertThat(blobs.intact(sha256)).isTrue();

        // Bytes changed in the database behind the product's back: the re-hash says so.
        jdbc.sql("UPDATE blob_chunks SET data = :data WHERE sha256 = :sha AND seq = 2")
                .param("data", new byte[DatabaseStorage.CHUNK])
                .param("sha", sha256)
                .update();
        assertThat(blobs.intact(sha256)).isFalse();
    }

    @Test
    void anEmptyFileIsABlobAndAMissingOneIsNot() throws Exception {
        String empty;
        try (BlobStore.Staged staged = blobs.stage(new ByteArrayInputStream(new byte[0]), Long.MAX_VALUE)) {
            empty = staged.sha256();
            blobs.keep(staged);
        }
        try (InputStream in = blobs.open(empty)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        String missing = "0".repeat(64);
        assertThat(blobs.intact(missing)).isFalse();
        assertThatThrownBy(() -> blobs.open(missing)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> blobs.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    private long rows(String sql, String sha256) {
        return jdbc.sql(sql).param("sha", sha256).query(Long.class).single();
    }
}
