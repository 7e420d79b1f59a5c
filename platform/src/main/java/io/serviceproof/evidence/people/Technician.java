package io.serviceproof.evidence.people;

import java.time.Instant;
import java.util.List;

/** @param userId the technician's user account, when they sign in themselves (may be null) */
public record Technician(
        String id,
        String name,
        String email,
        String employer,
        List<String> roles,
        String userId,
        boolean active,
        Instant createdAt) {}
