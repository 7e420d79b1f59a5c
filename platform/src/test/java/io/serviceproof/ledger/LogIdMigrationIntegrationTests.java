package io.serviceproof.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.TestDatabaseInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V14 moves every log from organisation-id keys to integer log ids and stops storing leaf hashes, and
 * V39 moves SQLite's log tables to rowid tables: logs written before either must read back the same,
 * each under its own id and with its keys, on either engine.
 */
class LogIdMigrationIntegrationTests {

    private static final String ORG_A = "0b7d5e2a-1c3f-4a6b-8d9e-0f1a2b3c4d5e";
    private static final String ORG_B = "f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b";

    /** A fresh database of the engine under test, and the migrations to bring it to any version. */
    private record Database(
            DriverManagerDataSource dataSource, org.flywaydb.core.api.configuration.FluentConfiguration flyway) {

        static Database fresh() throws Exception {
            String name = "m" + UUID.randomUUID().toString().replace("-", "");
            Path dataDir = Files.createTempDirectory("serviceproof-migration-");
            Map<String, String> env = TestDatabaseInitializer.serverEnvironment(name, dataDir);
            DriverManagerDataSource dataSource = new DriverManagerDataSource(
                    env.getOrDefault("SERVICEPROOF_DATABASE_URL", "jdbc:sqlite:" + dataDir.resolve("serviceproof.db")),
                    env.get("SERVICEPROOF_DATABASE_USERNAME"),
                    env.get("SERVICEPROOF_DATABASE_PASSWORD"));
            String vendor = TestDatabaseInitializer.onPostgresql() ? "postgresql" : "sqlite";
            var flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
            if (env.containsKey("SPRING_FLYWAY_SCHEMAS")) {
                flyway = flyway.schemas(env.get("SPRING_FLYWAY_SCHEMAS"));
            }
            return new Database(dataSource, flyway);
        }

        void migrateTo(String version) {
            flyway.target(version).load().migrate();
        }
    }

    @Test
    void logsWrittenBeforeV39KeepEveryEntryAndTileByteForByteInRowidTablesWithTheirKeys() throws Exception {
        Database database = Database.fresh();
        database.migrateTo("38");
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (:id, 'a', 'A', 0)")
                .param("id", ORG_A)
                .update();
        jdbc.sql("INSERT INTO log_heads (organisation_id, size, updated_at) VALUES (:o, 300, 0)")
                .param("o", ORG_A)
                .update();
        long log = logId(jdbc, ORG_A);
        for (int i = 0; i < 300; i++) {
            insertEntry(jdbc, "log_id", log, i, "e-" + i);
        }
        byte[] tile = new byte[256 * 32];
        new java.util.Random(39).nextBytes(tile);
        jdbc.sql("INSERT INTO log_leaf_tiles (log_id, tile_index, hashes) VALUES (:l, 0, :h)")
                .param("l", log)
                .param("h", tile)
                .update();
        List<Map<String, Object>> before = jdbc.sql("SELECT * FROM log_entries ORDER BY log_id, idx")
                .query()
                .listOfRows();

        database.migrateTo("latest");

        assertThat(jdbc.sql("SELECT * FROM log_entries ORDER BY log_id, idx")
                        .query()
                        .listOfRows())
                .hasSize(300)
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(before);
        assertThat(jdbc.sql("SELECT hashes FROM log_leaf_tiles WHERE log_id = :l AND tile_index = 0")
                        .param("l", log)
                        .query(byte[].class)
                        .single())
                .isEqualTo(tile);
        // The keys hold: one entry per index and one per event id in a log, one tile per tile index.
        assertThatThrownBy(() -> insertEntry(jdbc, "log_id", log, 299, "e-new"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageMatching("(?s).*(log_entries\\.log_id, log_entries\\.idx|log_entries_pkey).*");
        assertThatThrownBy(() -> insertEntry(jdbc, "log_id", log, 300, "e-0"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageMatching(
                        "(?s).*(log_entries\\.log_id, log_entries\\.event_id|log_entries_log_id_event_id_key).*");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO log_leaf_tiles (log_id, tile_index, hashes) VALUES (:l, 0, :h)")
                        .param("l", log)
                        .param("h", tile)
                        .update())
                .isInstanceOf(DataAccessException.class);
        if (!TestDatabaseInitializer.onPostgresql()) {
            assertThat(jdbc.sql("SELECT sql FROM sqlite_master WHERE name IN ('log_entries', 'log_leaf_tiles')")
                            .query(String.class)
                            .list())
                    .hasSize(2)
                    .noneMatch(sql -> sql.toUpperCase(java.util.Locale.ROOT).contains("WITHOUT ROWID"));
        }
    }

    @Test
    void logsWrittenBeforeV14KeepTheirEntriesNodesAndTilesUnderTheirOwnLogId() throws Exception {
        Database database = Database.fresh();
        database.migrateTo("13");
        JdbcClient jdbc = JdbcClient.create(database.dataSource());

        writeOldLog(jdbc, ORG_A, 300);
        writeOldLog(jdbc, ORG_B, 5);
        List<Map<String, Object>> entriesBefore = jdbc.sql(
                        "SELECT organisation_id, idx, event_id, type, entry FROM log_entries ORDER BY organisation_id, idx")
                .query()
                .listOfRows();

        database.migrateTo("latest");

        long logA = logId(jdbc, ORG_A);
        long logB = logId(jdbc, ORG_B);
        assertThat(logA).isNotEqualTo(logB);
        assertThat(jdbc.sql("SELECT size FROM log_heads WHERE log_id = :l")
                        .param("l", logA)
                        .query(Long.class)
                        .single())
                .isEqualTo(300L);
        List<Map<String, Object>> entriesAfter = jdbc.sql("""
                        SELECT h.organisation_id, e.idx, e.event_id, e.type, e.entry
                        FROM log_entries e JOIN log_heads h ON h.log_id = e.log_id
                        ORDER BY h.organisation_id, e.idx
                        """).query().listOfRows();
        assertThat(entriesAfter).hasSize(305);
        for (int i = 0; i < entriesBefore.size(); i++) {
            Map<String, Object> before = entriesBefore.get(i);
            Map<String, Object> after = entriesAfter.get(i);
            assertThat(after.get("organisation_id")).isEqualTo(before.get("organisation_id"));
            assertThat(after.get("event_id")).isEqualTo(before.get("event_id"));
            assertThat((byte[]) after.get("entry")).isEqualTo((byte[]) before.get("entry"));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_nodes WHERE log_id = :l")
                        .param("l", logA)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("SELECT hashes FROM log_leaf_tiles WHERE log_id = :l AND tile_index = 0")
                        .param("l", logA)
                        .query(byte[].class)
                        .single())
                .hasSize(256 * 32);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_leaf_tiles WHERE log_id = :l")
                        .param("l", logB)
                        .query(Long.class)
                        .single())
                .isZero();

        // The keys hold: an event id is unique within a log, not across logs; a new log gets a new id.
        assertThatThrownBy(() -> insertEntry(jdbc, "log_id", logA, 300, "e-1"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageMatching(
                        "(?s).*(log_entries\\.log_id, log_entries\\.event_id|log_entries_log_id_event_id_key).*");
        insertEntry(jdbc, "log_id", logB, 5, "e-5");
        jdbc.sql(
                        "INSERT INTO organisations (id, slug, name, created_at) VALUES ('c0ffee00-0000-4000-8000-000000000001', 'third', 'Third', 0)")
                .update();
        jdbc.sql(
                        "INSERT INTO log_heads (organisation_id, size, updated_at) VALUES ('c0ffee00-0000-4000-8000-000000000001', 0, 0)")
                .update();
        assertThat(logId(jdbc, "c0ffee00-0000-4000-8000-000000000001")).isNotIn(logA, logB);
    }

    private static void writeOldLog(JdbcClient jdbc, String organisation, int size) {
        jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (:id, :slug, :slug, 0)")
                .param("id", organisation)
                .param("slug", "org-" + organisation.substring(0, 8))
                .update();
        jdbc.sql("INSERT INTO log_heads (organisation_id, size, updated_at) VALUES (:o, :s, 0)")
                .param("o", organisation)
                .param("s", size)
                .update();
        for (int i = 0; i < size; i++) {
            insertEntry(jdbc, "organisation_id", organisation, i, "e-" + i);
        }
        if (size >= 256) {
            jdbc.sql("INSERT INTO log_leaf_tiles (organisation_id, tile_index, hashes) VALUES (:o, 0, :h)")
                    .param("o", organisation)
                    .param("h", new byte[256 * 32])
                    .update();
            jdbc.sql("INSERT INTO log_nodes (organisation_id, level, idx, hash) VALUES (:o, 8, 0, :h)")
                    .param("o", organisation)
                    .param("h", new byte[32])
                    .update();
        }
    }

    private static void insertEntry(JdbcClient jdbc, String keyColumn, Object log, long index, String eventId) {
        boolean before = keyColumn.equals("organisation_id");
        jdbc.sql("INSERT INTO log_entries (" + keyColumn + ", idx, event_id, type, service_layer_id, occurred_at,"
                        + " appended_at, entry" + (before ? ", leaf_hash" : "")
                        + ") VALUES (:k, :i, :e, 'heartbeat', NULL,"
                        + " 0, 0, :entry" + (before ? ", :hash" : "") + ")")
                .param("k", log)
                .param("i", index)
                .param("e", eventId)
                .param("entry", (log + "/" + eventId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .param(
                        "hash",
                        io.serviceproof.common.Sha256.digest(eventId.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .update();
    }

    private static long logId(JdbcClient jdbc, String organisation) {
        return jdbc.sql("SELECT log_id FROM log_heads WHERE organisation_id = :o")
                .param("o", organisation)
                .query(Long.class)
                .single();
    }
}
