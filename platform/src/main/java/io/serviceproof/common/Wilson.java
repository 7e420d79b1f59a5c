package io.serviceproof.common;

/**
 * The 95 % Wilson score interval of a proportion k/n: it stays inside [0, 1] and behaves with few or
 * zero events, where the normal approximation lies. Used for validation error rates and for rates
 * measured from events.
 */
public final class Wilson {

    private static final double Z = 1.959963984540054;

    private Wilson() {}

    /** {low, high}; n = 0 gives the whole range. */
    public static double[] interval(long k, long n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double p = (double) k / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        // At the edges the bounds are exactly 0 and 1; rounding would leave 1e-18 behind.
        double low = k == 0 ? 0 : Math.max(0, centre - half);
        double high = k == n ? 1 : Math.min(1, centre + half);
        return new double[] {low, high};
    }
}
