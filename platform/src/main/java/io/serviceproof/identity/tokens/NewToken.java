package io.serviceproof.identity.tokens;

import io.serviceproof.identity.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an owner asks for: every token expires, after at most a year. */
public record NewToken(
        @NotBlank @Size(max = 80) String name,
        @NotNull Role role,
        @Min(1) @Max(MAX_LIFETIME_DAYS) int expiresInDays) {

    public static final int MAX_LIFETIME_DAYS = 365;
    public static final int DEFAULT_LIFETIME_DAYS = 90;
}
