package io.serviceproof.attestation;

import java.time.Instant;

/**
 * One entry of the exporter's log that a body sampled, and whether its inclusion proof checked out
 * against the exporter's log key as pinned in the snapshot at invitation. Serializable: the answer to
 * a sample is shown after a redirect, from the session.
 *
 * @param entry the entry's canonical JSON (only on the answer to a sample, not when listed)
 * @param tlogProof the C2SP tlog-proof the body checked (likewise), for checking again offline
 */
public record LogSample(
        String id,
        String engagementId,
        long index,
        boolean verified,
        String outcome,
        String sampledBy,
        Instant sampledAt,
        String entry,
        String tlogProof)
        implements java.io.Serializable {}
