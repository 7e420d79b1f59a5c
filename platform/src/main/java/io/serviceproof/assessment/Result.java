package io.serviceproof.assessment;

import java.util.Arrays;

/** A requirement's result in an assessment. Only compliant and partial count towards readiness. */
public enum Result {
    COMPLIANT("compliant", 1.0),
    PARTIAL("partial", 0.5),
    NON_COMPLIANT("non-compliant", 0),
    NOT_APPLICABLE("not-applicable", 0),
    NOT_ASSESSED("not-assessed", 0);

    private final String token;
    private final double credit;

    Result(String token, double credit) {
        this.token = token;
        this.credit = credit;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String token() {
        return token;
    }

    /** The share of a requirement's weight this result earns. */
    public double credit() {
        return credit;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Result fromToken(String token) {
        return Arrays.stream(values())
                .filter(r -> r.token.equals(token) || r.name().equalsIgnoreCase(token))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown result '" + token
                        + "' (compliant, partial, non-compliant, not-applicable, not-assessed)"));
    }
}
