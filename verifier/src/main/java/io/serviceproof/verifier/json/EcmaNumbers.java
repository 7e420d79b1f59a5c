package io.serviceproof.verifier.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats doubles exactly as ECMAScript's Number.prototype.toString does (ECMA-262 section
 * 6.1.6.1.20), which RFC 8785 requires: the shortest decimal that reads back as the same double,
 * the closest such decimal when several have that length, and JavaScript's choice between plain
 * and exponent notation. Java 17's {@code Double.toString} is not always shortest (JDK-4511638),
 * so the digits are searched for here.
 */
final class EcmaNumbers {

    private EcmaNumbers() {}

    static String format(double value) throws JsonException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new JsonException("NaN and Infinity have no JSON form");
        }
        if (value == 0) {
            return "0";
        }
        String sign = value < 0 ? "-" : "";
        BigDecimal shortest = shortestDecimal(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        return sign + layout(digits, k, n);
    }

    /** The shortest decimal that parses back to {@code value}; among those, the closest to it. */
    private static BigDecimal shortestDecimal(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal best = null;
            for (RoundingMode mode :
                    new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == value && (best == null || closer(candidate, best, exact))) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best.stripTrailingZeros();
            }
        }
        throw new IllegalStateException("17 significant digits always round-trip a double");
    }

    private static boolean closer(BigDecimal candidate, BigDecimal best, BigDecimal exact) {
        return candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0;
    }

    /** ECMA-262 Number::toString steps 6-10, for digits {@code s} of length k and exponent n. */
    private static String layout(String s, int k, int n) {
        if (k <= n && n <= 21) {
            return s + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return s.substring(0, n) + "." + s.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + s;
        }
        int exponent = n - 1;
        String e = "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
        return k == 1 ? s + e : s.charAt(0) + "." + s.substring(1) + e;
    }
}
