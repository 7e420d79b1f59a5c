package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cosignature lines witnesses returned, by checkpoint size and witness label. */
@Repository
class LogCosignatures {

    private final JdbcClient jdbc;

    LogCosignatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Cosigned(long size, String witness, String line, Instant at) {}

    /** Keeps the newest cosignature of a witness for a size (a refresh replaces an older one). */
    void save(OrganisationId organisation, Cosigned cosigned) {
        jdbc.sql("""
                        INSERT INTO log_cosignatures (organisation_id, size, witness, line, cosigned_at)
                        VALUES (:org, :size, :witness, :line, :at)
                        ON CONFLICT (organisation_id, size, witness) DO UPDATE SET line = :line, cosigned_at = :at
                        """)
                .param("org", organisation.toString())
                .param("size", cosigned.size())
                .param("witness", cosigned.witness())
                .param("line", cosigned.line())
                .param("at", cosigned.at().toEpochMilli())
                .update();
    }

    /** The lines for one checkpoint size, by witness. */
    Map<String, String> linesFor(OrganisationId organisation, long size) {
        Map<String, String> lines = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT witness, line FROM log_cosignatures
                        WHERE organisation_id = :org AND size = :size ORDER BY witness
                        """)
                .param("org", organisation.toString())
                .param("size", size)
                .query((row, n) -> lines.put(row.getString(1), row.getString(2)))
                .list();
        return lines;
    }

    /** For the newest cosigned sizes (newest first), which witnesses cosigned each. */
    TreeMap<Long, Set<String>> recentWitnesses(OrganisationId organisation, int sizes) {
        List<Cosigned> rows = jdbc.sql("""
                        SELECT size, witness, line, cosigned_at FROM log_cosignatures WHERE organisation_id = :org
                        AND size IN (SELECT DISTINCT size FROM log_cosignatures WHERE organisation_id = :org
                                     ORDER BY size DESC LIMIT :sizes)
                        """)
                .param("org", organisation.toString())
                .param("sizes", sizes)
                .query((row, n) -> new Cosigned(
                        row.getLong(1), row.getString(2), row.getString(3), Instant.ofEpochMilli(row.getLong(4))))
                .list();
        TreeMap<Long, Set<String>> bySize = new TreeMap<>(java.util.Comparator.reverseOrder());
        rows.stream()
                .collect(Collectors.groupingBy(
                        Cosigned::size, Collectors.mapping(Cosigned::witness, Collectors.toSet())))
                .forEach(bySize::put);
        return bySize;
    }

    /** The newest cosignature of each witness (its size and time). */
    Map<String, Cosigned> newestByWitness(OrganisationId organisation) {
        Map<String, Cosigned> newest = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT size, witness, line, cosigned_at FROM log_cosignatures c WHERE organisation_id = :org
                        AND size = (SELECT MAX(size) FROM log_cosignatures d
                                    WHERE d.organisation_id = c.organisation_id AND d.witness = c.witness)
                        """)
                .param("org", organisation.toString())
                .query((row, n) -> newest.put(
                        row.getString(2),
                        new Cosigned(
                                row.getLong(1),
                                row.getString(2),
                                row.getString(3),
                                Instant.ofEpochMilli(row.getLong(4)))))
                .list();
        return newest;
    }
}
