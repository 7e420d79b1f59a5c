package io.serviceproof.services.content;

/**
 * False-accept and false-reject rates from a validation run, with 95 % Wilson score intervals —
 * which stay inside [0, 1] and behave with few or zero errors, where the normal approximation lies.
 */
public record Rates(Interval falseAccept, Interval falseReject) {

    /** A proportion {@code k/n} and its 95 % interval; {@code n = 0} gives no estimate. */
    public record Interval(long k, long n, double rate, double low, double high) {}

    private static final double Z = 1.959963984540054;

    public static Rates of(LayerContent.ConfusionMatrix m) {
        return new Rates(
                wilson(m.defectiveAccepted(), m.defectiveAccepted() + m.defectiveRejected()),
                wilson(m.goodRejected(), m.goodAccepted() + m.goodRejected()));
    }

    static Interval wilson(long k, long n) {
        if (n == 0) {
            return new Interval(k, 0, Double.NaN, 0, 1);
        }
        double p = (double) k / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        // At the edges the bounds are exactly 0 and 1; rounding would leave 1e-18 behind.
        double low = k == 0 ? 0 : Math.max(0, centre - half);
        double high = k == n ? 1 : Math.min(1, centre + half);
        return new Interval(k, n, p, low, high);
    }
}
