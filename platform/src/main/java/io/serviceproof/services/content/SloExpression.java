package io.serviceproof.services.content;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measurable part of an SLO: a quantity, optionally aggregated, compared with a threshold.
 *
 * <pre>
 *   availability &gt;= 99.5
 *   p95(latency_ms) &lt;= 300
 *   rate(false_accept_ppm) &lt;= 500
 * </pre>
 *
 * Aggregates: p50 p90 p95 p99 mean max min rate ratio count. Kept deliberately small, so that every
 * expression that parses can be measured from log events.
 */
public record SloExpression(String aggregate, String quantity, String operator, BigDecimal threshold) {

    public static final Set<String> AGGREGATES =
            Set.of("p50", "p90", "p95", "p99", "mean", "max", "min", "rate", "ratio", "count");

    private static final Pattern FORM = Pattern.compile(
            "\\s*(?:([a-z][a-z0-9]*)\\(\\s*([a-z][a-z0-9_.]*)\\s*\\)|([a-z][a-z0-9_.]*))\\s*(<=|>=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)\\s*%?\\s*");

    /** Parses an expression, or explains what is wrong with it. */
    public static SloExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an expression is required, e.g. 'p95(latency_ms) <= 300'");
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text.strip()
                    + "' is not of the form 'quantity <op> number' or 'aggregate(quantity) <op> number',"
                    + " e.g. 'availability >= 99.5' or 'p95(latency_ms) <= 300'");
        }
        String aggregate = m.group(1);
        if (aggregate != null && !AGGREGATES.contains(aggregate)) {
            throw new IllegalArgumentException("unknown aggregate '" + aggregate
                    + "' (use one of p50, p90, p95, p99, mean, max, min, rate, ratio, count)");
        }
        return new SloExpression(
                aggregate, aggregate != null ? m.group(2) : m.group(3), m.group(4), new BigDecimal(m.group(5)));
    }

    /** Whether a measured value meets the objective. */
    public boolean met(BigDecimal measured) {
        int c = measured.compareTo(threshold);
        return switch (operator) {
            case "<=" -> c <= 0;
            case "<" -> c < 0;
            case ">=" -> c >= 0;
            default -> c > 0;
        };
    }

    @Override
    public String toString() {
        return (aggregate == null ? quantity : aggregate + "(" + quantity + ")") + " " + operator + " "
                + threshold.toPlainString();
    }
}
