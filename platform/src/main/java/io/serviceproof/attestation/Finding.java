package io.serviceproof.attestation;

import java.time.Instant;
import java.util.Locale;

/**
 * A body's finding on one requirement: it accepts the exporter's result, or raises a major or minor
 * nonconformity or an observation, with its reason and the evidence (by digest) it concerns. A
 * raised finding becomes an action in the exporter's plan; the exporter answers; the body closes it
 * or keeps it open.
 */
public record Finding(
        String id,
        String engagementId,
        String requirementId,
        String requirement,
        Grade grade,
        String reason,
        String evidenceSha256,
        String actionId,
        Status status,
        String answer,
        String answeredBy,
        Instant answeredAt,
        String raisedBy,
        Instant raisedAt,
        String closedBy,
        Instant closedAt) {

    public enum Grade {
        ACCEPTED,
        MAJOR,
        MINOR,
        OBSERVATION;

        @com.fasterxml.jackson.annotation.JsonValue
        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Grade fromToken(String token) {
            for (Grade g : values()) {
                if (g.token().equalsIgnoreCase(token == null ? "" : token.strip())) {
                    return g;
                }
            }
            throw new io.serviceproof.common.InvalidInputException(
                    "grade", "unknown grade '" + token + "' (accepted, major, minor, observation)");
        }

        /** A nonconformity or observation: something the exporter must act on. */
        public boolean raised() {
            return this != ACCEPTED;
        }
    }

    public enum Status {
        OPEN,
        ANSWERED,
        CLOSED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Still holding up certification: a major nonconformity not yet closed by the body. */
    public boolean blocksAttestation() {
        return grade == Grade.MAJOR && status != Status.CLOSED;
    }
}
