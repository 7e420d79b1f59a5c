package io.serviceproof.evidence.people;

import java.time.Instant;

public record Authorisation(String id, String technicianId, String taskId, Instant grantedAt, String grantedBy) {}
