package io.serviceproof.evidence;

import java.util.Arrays;

/**
 * Where a version stands in review. Only an approved version that has not expired counts as
 * evidence in an assessment.
 */
public enum EvidenceStatus {
    DRAFT("draft"),
    IN_REVIEW("in-review"),
    APPROVED("approved"),
    REJECTED("rejected"),
    EXPIRED("expired");

    private final String token;

    EvidenceStatus(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static EvidenceStatus fromToken(String token) {
        return Arrays.stream(values())
                .filter(s -> s.token.equals(token) || s.name().equalsIgnoreCase(token))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown status '" + token + "' (expected draft, in-review, approved, rejected or expired)"));
    }
}
