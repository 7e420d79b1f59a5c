package io.serviceproof.evidence;

import java.util.Arrays;

/** What a piece of evidence can support. */
public enum LinkTarget {
    REQUIREMENT("requirement"),
    SERVICE_LAYER("service-layer");

    private final String token;

    LinkTarget(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static LinkTarget fromToken(String token) {
        return Arrays.stream(values())
                .filter(t -> t.token.equals(token) || t.name().equalsIgnoreCase(token))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown link target '" + token + "' (requirement or service-layer)"));
    }
}
