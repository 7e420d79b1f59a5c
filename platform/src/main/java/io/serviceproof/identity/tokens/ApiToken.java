package io.serviceproof.identity.tokens;

import io.serviceproof.identity.Role;
import java.time.Instant;

/**
 * A token as owners see it: its name, role and lifetime, and the first characters of the secret so
 * they can tell tokens apart. The secret itself is never stored.
 */
public record ApiToken(
        TokenId id,
        String name,
        Role role,
        String secretPrefix,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt) {

    public enum Status {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    public Status statusAt(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? Status.EXPIRED : Status.ACTIVE;
    }
}
