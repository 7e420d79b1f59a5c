package io.serviceproof.services;

import java.math.BigDecimal;

/**
 * One objective of a layer's published SLA, with its expression taken apart: {@code aggregate}
 * (p95, mean, …, or null) of {@code quantity}, compared by {@code operator} with {@code threshold}.
 */
public record PublishedSlo(
        String id,
        String metric,
        String unit,
        String window,
        String exclusions,
        String expression,
        String aggregate,
        String quantity,
        String operator,
        BigDecimal threshold) {

    /** Whether a measured value meets the objective. */
    public boolean met(double measured) {
        int c = BigDecimal.valueOf(measured).compareTo(threshold);
        return switch (operator) {
            case "<=" -> c <= 0;
            case "<" -> c < 0;
            case ">=" -> c >= 0;
            default -> c > 0;
        };
    }
}
