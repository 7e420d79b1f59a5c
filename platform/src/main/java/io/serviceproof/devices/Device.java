package io.serviceproof.devices;

import java.time.Instant;

/**
 * A device of an organisation and its key.
 *
 * @param keyId {@code ed25519:} and 16 hex digits, derived from the public key (docs/formats.md)
 * @param publicKey the raw 32-byte Ed25519 public key, base64
 * @param serviceLayerId the layer whose events it may sign, or null for any of the organisation's
 * @param registrationIndex the log entry that registered the key
 * @param skewedEvents signed heartbeats whose device time differed from their arrival by more than the
 *     allowed clock skew, and signed events dated that far in the future
 * @param lastSkewMillis arrival minus device time of the last signed heartbeat (positive: the device's
 *     clock is behind, or the beat was slow to arrive), or null before the first heartbeat
 * @param lastBacklog the events a gateway said it still held in its last signed heartbeat, or null
 */
public record Device(
        String id,
        String name,
        String serviceLayerId,
        String keyId,
        String publicKey,
        Status status,
        String registeredBy,
        Instant registeredAt,
        long registrationIndex,
        Instant statusChangedAt,
        long signedEvents,
        long skewedEvents,
        Long lastSkewMillis,
        Instant lastSeenAt,
        Long lastBacklog) {

    /** A device's lifecycle: suspension is reversible, retirement is final. */
    public enum Status {
        ACTIVE,
        SUSPENDED,
        RETIRED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String token() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status fromToken(String token) {
            for (Status s : values()) {
                if (s.token().equals(token)) {
                    return s;
                }
            }
            throw new io.serviceproof.common.InvalidInputException("status", "one of active, suspended, retired");
        }
    }
}
