package io.serviceproof.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.common.InvalidInputException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written RFC 3339 reader and writer say exactly what {@code java.time} says: the reader
 * what the regular expression and {@code OffsetDateTime.parse} accepted before it, the writer what
 * {@code Instant.toString} writes (the bytes every entry is hashed with).
 */
class Rfc3339Tests {

    private static final Pattern RFC_3339 =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:(\\d{2})(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    /** The reading it replaces, leap seconds aside (refused before either is asked). */
    private static Instant oracle(String text) {
        if (!RFC_3339.matcher(text).matches() || text.substring(17, 19).equals("60")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void readsWhatOffsetDateTimeReadsAndRefusesWhatItRefuses() {
        List<String> cases = new ArrayList<>(List.of(
                "2026-11-03T08:15:00Z",
                "2026-11-03t08:15:00z",
                "2026-11-03T08:15:00.5+07:00",
                "2026-11-03T08:15:00.123456789-00:00",
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999-18:00",
                "2024-02-29T12:00:00+18:00",
                "2023-02-29T12:00:00Z",
                "2026-04-31T12:00:00Z",
                "2026-13-01T12:00:00Z",
                "2026-00-10T12:00:00Z",
                "2026-11-00T12:00:00Z",
                "2026-11-03T24:00:00Z",
                "2026-11-03T23:60:00Z",
                "2026-11-03T23:59:61Z",
                "2026-11-03T08:15:00+18:01",
                "2026-11-03T08:15:00+19:00",
                "2026-11-03T08:15:00+05:60",
                "2026-11-03T08:15:00.Z",
                "2026-11-03T08:15:00.1234567890Z",
                "2026-11-03T08:15:00",
                "2026-11-03 08:15:00Z",
                "2026-11-03T08:15Z",
                "+2026-11-03T08:15:00Z",
                "2026-11-03T08:15:00+0700",
                "2026-11-03T08:15:00+07",
                "2026-11-03T08:15:00Zjunk",
                "٢٠٢٦-11-03T08:15:00Z",
                ""));
        Random random = new Random(20261205);
        String alphabet = "0123456789-:.TtZz+ ";
        for (int i = 0; i < 20_000; i++) {
            // Valid timestamps with one character changed, and random ones.
            char[] text = cases.get(random.nextInt(7)).toCharArray();
            text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            cases.add(new String(text));
            Instant at = Instant.ofEpochSecond(
                    random.nextLong(-62_167_219_200L, 253_402_300_799L), random.nextInt(1_000_000_000));
            int offset = random.nextInt(-18 * 60, 18 * 60 + 1);
            cases.add(OffsetDateTime.ofInstant(at, java.time.ZoneOffset.ofTotalSeconds(offset * 60))
                    .toString());
        }
        int accepted = 0;
        for (String text : cases) {
            Instant expected = text.length() >= 19 ? oracle(text) : null;
            assertThat(Rfc3339.parse(text)).as(text).isEqualTo(expected);
            accepted += expected == null ? 0 : 1;
        }
        assertThat(accepted).isGreaterThan(20_000);
    }

    @Test
    void writesWhatInstantToStringWrites() {
        Random random = new Random(4);
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("1969-12-31T23:59:59.100Z"),
                Instant.parse("2026-11-03T08:15:00.000001Z"),
                Instant.parse("2026-11-03T08:15:00.010Z"),
                Instant.EPOCH,
                Instant.MAX,
                Instant.MIN));
        for (int i = 0; i < 50_000; i++) {
            int[] nanos = {
                0, random.nextInt(1000) * 1_000_000, random.nextInt(1_000_000) * 1000, random.nextInt(1_000_000_000)
            };
            instants.add(Instant.ofEpochSecond(
                    random.nextLong(-62_167_219_200L, 253_402_300_799L), nanos[random.nextInt(nanos.length)]));
        }
        for (Instant instant : instants) {
            assertThat(Rfc3339.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void aLeapSecondIsRefusedAsSuchAndAnUnreadableTimeAsNotRfc3339() {
        assertThatThrownBy(() -> EntryJson.parseRequest(entry("2026-12-31T23:59:60Z")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("leap seconds");
        assertThatThrownBy(() -> EntryJson.parseRequest(entry("2026-12-31T23:59:59+25:00")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be an RFC 3339 timestamp");
        assertThat(EntryJson.parseRequest(entry("2026-12-31T23:59:59.5+07:00"))
                        .drafts()
                        .get(0)
                        .occurredAt())
                .isEqualTo(Instant.parse("2026-12-31T16:59:59.500Z"));
    }

    private static String entry(String occurredAt) {
        return "{\"eventId\":\"e-1\",\"type\":\"inspection.note\",\"occurredAt\":\"" + occurredAt + "\"}";
    }
}
