package io.serviceproof.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Time intervals [start, end) as pairs of instants: clipping to a period, union length, overlap. */
final class Intervals {

    private Intervals() {}

    /** The intervals cut to [from, to), empty ones dropped, sorted by start. */
    static List<Instant[]> clip(List<Instant[]> intervals, Instant from, Instant to) {
        List<Instant[]> clipped = new ArrayList<>();
        for (Instant[] i : intervals) {
            Instant start = i[0].isBefore(from) ? from : i[0];
            Instant end = i[1].isAfter(to) ? to : i[1];
            if (end.isAfter(start)) {
                clipped.add(new Instant[] {start, end});
            }
        }
        clipped.sort((a, b) -> a[0].compareTo(b[0]));
        return clipped;
    }

    /** Milliseconds covered by the union of intervals. */
    static long covered(List<Instant[]> intervals) {
        long total = 0;
        Instant end = Instant.MIN;
        for (Instant[] i : intervals) {
            Instant start = i[0].isAfter(end) ? i[0] : end;
            if (i[1].isAfter(start)) {
                total += Duration.between(start, i[1]).toMillis();
            }
            if (i[1].isAfter(end)) {
                end = i[1];
            }
        }
        return total;
    }

    /** Milliseconds of the union of {@code a} that also lie in the union of {@code b}. */
    static long overlap(List<Instant[]> a, List<Instant[]> b) {
        List<Instant[]> both = new ArrayList<>();
        for (Instant[] x : a) {
            for (Instant[] y : b) {
                Instant start = x[0].isAfter(y[0]) ? x[0] : y[0];
                Instant end = x[1].isBefore(y[1]) ? x[1] : y[1];
                if (end.isAfter(start)) {
                    both.add(new Instant[] {start, end});
                }
            }
        }
        both.sort((p, q) -> p[0].compareTo(q[0]));
        return covered(both);
    }
}
