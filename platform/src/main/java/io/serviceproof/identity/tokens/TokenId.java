package io.serviceproof.identity.tokens;

import java.util.Objects;
import java.util.UUID;

public record TokenId(UUID value) {

    public TokenId {
        Objects.requireNonNull(value, "token id");
    }

    public static TokenId random() {
        return new TokenId(UUID.randomUUID());
    }

    /** Parses the text form; used by Spring to bind path variables. */
    public static TokenId valueOf(String text) {
        return new TokenId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
