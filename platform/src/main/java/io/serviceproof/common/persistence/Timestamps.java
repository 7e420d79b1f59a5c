package io.serviceproof.common.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Instants are stored as epoch milliseconds (a BIGINT in both SQLite and PostgreSQL), so ordering
 * and range queries need no vendor-specific date functions.
 */
public final class Timestamps {

    private Timestamps() {}

    public static Long toMillis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** Reads a nullable epoch-millisecond column. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
