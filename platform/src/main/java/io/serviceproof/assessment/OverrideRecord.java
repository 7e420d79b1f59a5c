package io.serviceproof.assessment;

import java.time.Instant;

/** One override as it was made: every one is kept, the latest per requirement counts. */
public record OverrideRecord(String requirementId, Result result, String reason, Instant at, String by) {}
