package io.serviceproof.services.content;

/**
 * False-accept and false-reject rates from a validation run, with 95 % Wilson score intervals —
 * which stay inside [0, 1] and behave with few or zero errors, where the normal approximation lies.
 */
public record Rates(Interval falseAccept, Interval falseReject) {

    /** A proportion {@code k/n} and its 95 % interval; {@code n = 0} gives no estimate. */
    public record Interval(long k, long n, double rate, double low, double high) {}

    public static Rates of(LayerContent.ConfusionMatrix m) {
        return new Rates(
                wilson(m.defectiveAccepted(), m.defectiveAccepted() + m.defectiveRejected()),
                wilson(m.goodRejected(), m.goodAccepted() + m.goodRejected()));
    }

    static Interval wilson(long k, long n) {
        double[] bounds = io.serviceproof.common.Wilson.interval(k, n);
        return new Interval(k, n, n == 0 ? Double.NaN : (double) k / n, bounds[0], bounds[1]);
    }
}
