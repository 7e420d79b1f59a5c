package io.serviceproof.ledger;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * RFC 3339 date-times (section 5.6) with four-digit years, read and written by hand: every event
 * arriving has one read and written twice, and {@code java.time}'s formatters cost an eighth of
 * signed ingest's time. {@code Rfc3339Tests} holds both equal to {@code OffsetDateTime.parse} and
 * {@code Instant.toString}.
 */
final class Rfc3339 {

    private static final int[] SCALE = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
    private static final long FIRST_SECOND = -62_167_219_200L;

    private static final long LAST_SECOND = 253_402_300_799L;

    private Rfc3339() {}

    /**
     * The instant {@code text} names, or null when it is not {@code YYYY-MM-DDTHH:MM:SS[.fraction]}
     * followed by {@code Z} or {@code ±HH:MM} (either case of T and Z), or names no real date and time.
     * A leap second (:60) is null too: the caller tells it apart, to say why.
     */
    static Instant parse(String text) {
        int n = text.length();
        if (n < 20
                || !digits(text, 0, 4)
                || text.charAt(4) != '-'
                || !digits(text, 5, 7)
                || text.charAt(7) != '-'
                || !digits(text, 8, 10)
                || (text.charAt(10) != 'T' && text.charAt(10) != 't')
                || !digits(text, 11, 13)
                || text.charAt(13) != ':'
                || !digits(text, 14, 16)
                || text.charAt(16) != ':'
                || !digits(text, 17, 19)) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < n && isDigit(text.charAt(at))) {
                at++;
            }
            int length = at - start;
            if (length < 1 || length > 9) {
                return null;
            }
            nanos = number(text, start, at) * SCALE[9 - length];
        }
        Integer offset = offsetSeconds(text, at);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (offset == null || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        try {
            long day = LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10))
                    .toEpochDay();
            return Instant.ofEpochSecond(day * 86_400 + hour * 3600L + minute * 60L + second - offset, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code Instant.toString()}, for the years 0000 to 9999. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        int nanos = instant.getNano();
        char[] out = new char[30];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        int length = 19;
        if (nanos > 0) {
            // As ISO_INSTANT prints it: milli-, micro- or nanoseconds, whichever is exact.
            out[length++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(out, length, nanos / 1_000_000, 3);
                length += 3;
            } else if (nanos % 1_000 == 0) {
                put(out, length, nanos / 1_000, 6);
                length += 6;
            } else {
                put(out, length, nanos, 9);
                length += 9;
            }
        }
        out[length++] = 'Z';
        return new String(out, 0, length);
    }

    /** The offset in seconds of a {@code Z} or {@code ±HH:MM} that ends the text at {@code at}, or null. */
    private static Integer offsetSeconds(String text, int at) {
        int n = text.length();
        if (at >= n) {
            return null;
        }
        char c = text.charAt(at);
        if ((c == 'Z' || c == 'z') && at + 1 == n) {
            return 0;
        }
        if ((c != '+' && c != '-')
                || at + 6 != n
                || !digits(text, at + 1, at + 3)
                || text.charAt(at + 3) != ':'
                || !digits(text, at + 4, at + 6)) {
            return null;
        }
        int hours = number(text, at + 1, at + 3);
        int minutes = number(text, at + 4, at + 6);
        int seconds = hours * 3600 + minutes * 60;
        if (minutes > 59 || seconds > MAX_OFFSET_SECONDS) {
            return null;
        }
        return c == '-' ? -seconds : seconds;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
