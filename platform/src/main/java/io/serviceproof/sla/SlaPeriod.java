package io.serviceproof.sla;

import io.serviceproof.common.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A measurement period [from, to) in UTC: a calendar month ({@code 2026-10}), an ISO week
 * ({@code 2026-W43}, Monday to Monday) or custom dates. SLAs state their window as month or week.
 */
public record SlaPeriod(Kind kind, Instant from, Instant to, String label) {

    public enum Kind {
        DAY,
        MONTH,
        WEEK,
        CUSTOM
    }

    /** Longest custom period one report covers. */
    static final Duration LONGEST = Duration.ofDays(366);

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    public static SlaPeriod month(YearMonth month) {
        return new SlaPeriod(
                Kind.MONTH, start(month.atDay(1)), start(month.plusMonths(1).atDay(1)), month.toString());
    }

    /** One UTC day: the tracker's unit of roll-up, from which reports of any period are merged. */
    public static SlaPeriod day(LocalDate day) {
        return new SlaPeriod(Kind.DAY, start(day), start(day.plusDays(1)), day.toString());
    }

    /** The days of this period, in order. */
    public java.util.List<SlaPeriod> days() {
        return firstDay().datesUntil(lastDay().plusDays(1)).map(SlaPeriod::day).toList();
    }

    public static SlaPeriod week(LocalDate anyDay) {
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String label = String.format(
                Locale.ROOT,
                "%d-W%02d",
                monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new SlaPeriod(Kind.WEEK, start(monday), start(monday.plusWeeks(1)), label);
    }

    public static SlaPeriod custom(LocalDate from, LocalDate toExclusive) {
        if (!toExclusive.isAfter(from)) {
            throw new InvalidInputException("to", "must be after from");
        }
        SlaPeriod period = new SlaPeriod(Kind.CUSTOM, start(from), start(toExclusive), from + "/" + toExclusive);
        if (Duration.between(period.from(), period.to()).compareTo(LONGEST) > 0) {
            throw new InvalidInputException("to", "a custom period covers at most 366 days");
        }
        return period;
    }

    /** The period an SLO's window (month or week; anything else counts as month) puts {@code at} in. */
    public static SlaPeriod containing(String window, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return weekly(window) ? week(day) : month(YearMonth.from(day));
    }

    /** Whether an SLO's window is the ISO week (else the calendar month). */
    static boolean weekly(String window) {
        return "week".equalsIgnoreCase(window);
    }

    /** {@code 2026-10} or {@code 2026-W43}. */
    public static SlaPeriod parse(String text) {
        String t = text.strip();
        try {
            Matcher m = MONTH.matcher(t);
            if (m.matches()) {
                return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            m = WEEK.matcher(t);
            if (m.matches()) {
                LocalDate monday = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(2)))
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                SlaPeriod week = week(monday);
                if (week.label().equals(t)) {
                    return week;
                }
            }
        } catch (java.time.DateTimeException e) {
            // fall through to the error below
        }
        throw new InvalidInputException("period", "a month as YYYY-MM or an ISO week as YYYY-Www");
    }

    public SlaPeriod previous() {
        return switch (kind) {
            case DAY -> day(firstDay().minusDays(1));
            case MONTH ->
                month(YearMonth.from(LocalDate.ofInstant(from, ZoneOffset.UTC)).minusMonths(1));
            case WEEK -> week(LocalDate.ofInstant(from, ZoneOffset.UTC).minusWeeks(1));
            case CUSTOM -> this;
        };
    }

    public SlaPeriod next() {
        return switch (kind) {
            case DAY -> day(firstDay().plusDays(1));
            case MONTH ->
                month(YearMonth.from(LocalDate.ofInstant(from, ZoneOffset.UTC)).plusMonths(1));
            case WEEK -> week(LocalDate.ofInstant(from, ZoneOffset.UTC).plusWeeks(1));
            case CUSTOM -> this;
        };
    }

    public LocalDate firstDay() {
        return LocalDate.ofInstant(from, ZoneOffset.UTC);
    }

    /** The last day inside the period (to is exclusive). */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(to, ZoneOffset.UTC).minusDays(1);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
