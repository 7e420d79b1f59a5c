package io.serviceproof.identity.users;

import io.serviceproof.identity.Role;
import java.time.Instant;

/** A user as the rest of the application sees it: never with the password hash. */
public record UserAccount(
        UserId id,
        String email,
        String displayName,
        Role role,
        boolean active,
        Instant createdAt,
        Instant deactivatedAt) {}
