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

    private static final RoundingMode[] MODES = {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING};

    private EcmaNumbers() {}

    static String format(double value) throws JsonException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new JsonException("NaN and Infinity have no JSON form");
        }
        if (value == 0) {
            return "0";
        }
        String sign = value < 0 ? "-" : "";
        double magnitude = Math.abs(value);
        if (magnitude < 1e15 && magnitude == Math.rint(magnitude)) {
            // Integers (the common case in events) print as their digits, exactly as ECMAScript does.
            return sign + (long) magnitude;
        }
        BigDecimal shortest = shortestDecimal(magnitude);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        return sign + layout(digits, k, n);
    }

    /**
     * The shortest decimal that parses back to {@code value}; among those, the closest to it. Java's
     * own digits always read back, so the search starts there and only tries shorter ones: when no
     * decimal of some length reads back, no shorter one does either (every shorter decimal is also
     * a longer one with trailing zeros).
     */
    private static BigDecimal shortestDecimal(double value) {
        BigDecimal javaDigits = BigDecimal.valueOf(value).stripTrailingZeros();
        // Subnormals are excluded: their rounding intervals are wide relative to their value.
        if (javaDigits.precision() <= 15 && value >= Double.MIN_NORMAL) {
            return shortestFromJavaDigits(javaDigits, value);
        }
        BigDecimal exact = new BigDecimal(value);
        BigDecimal shortest = javaDigits;
        for (int precision = shortest.precision() - 1; precision >= 1; precision--) {
            BigDecimal candidate = roundTripping(exact, value, precision);
            if (candidate == null) {
                break;
            }
            shortest = candidate;
        }
        BigDecimal closest = roundTripping(exact, value, shortest.precision());
        return closest == null ? shortest : closest;
    }

    /**
     * The fast path for normal doubles whose Java digits have at most 15 significant digits. Decimals
     * that short are spaced wider than a normal double's rounding interval (2^-52 relative), so at most one of each length reads back as the
     * value, and it is the answer at its length. Whether a shorter one exists is decided by rounding
     * Java's digits down and up: a shorter decimal inside the interval would make one of those two
     * read back too (the interval contains Java's digits and is convex).
     */
    private static BigDecimal shortestFromJavaDigits(BigDecimal javaDigits, double value) {
        BigDecimal shortest = javaDigits;
        for (int precision = javaDigits.precision() - 1; precision >= 1; precision--) {
            BigDecimal down = javaDigits.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = javaDigits.round(new MathContext(precision, RoundingMode.CEILING));
            if (down.doubleValue() == value) {
                shortest = down.stripTrailingZeros();
            } else if (up.doubleValue() == value) {
                shortest = up.stripTrailingZeros();
            } else {
                break;
            }
        }
        return shortest;
    }

    /** The closest decimal of {@code precision} digits that reads back as {@code value}, if any. */
    private static BigDecimal roundTripping(BigDecimal exact, double value, int precision) {
        BigDecimal best = null;
        for (RoundingMode mode : MODES) {
            BigDecimal candidate = exact.round(new MathContext(precision, mode));
            if (candidate.doubleValue() == value && (best == null || closer(candidate, best, exact))) {
                best = candidate;
            }
        }
        return best == null ? null : best.stripTrailingZeros();
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
