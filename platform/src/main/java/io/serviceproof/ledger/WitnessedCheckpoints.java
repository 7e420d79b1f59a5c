package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import io.serviceproof.verifier.witness.WitnessPolicy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which checkpoint a log publishes. Without a witness policy (or with {@code quorum none}) it is the
 * latest signed one, with whatever cosignatures it has. Under a policy it is the newest checkpoint
 * whose cosignatures meet the quorum, the cosignature lines appended to the log's signature; until
 * one exists, the latest signed checkpoint is served bare, and verifiers holding the policy refuse it.
 */
@Component
class WitnessedCheckpoints {

    /** How far back to look for a quorum: witnesses lagging more checkpoints than this are outages. */
    private static final int SIZES_SEARCHED = 64;

    private final WitnessPolicies policies;
    private final LogCosignatures cosignatures;
    private final LogCheckpoints checkpoints;

    WitnessedCheckpoints(WitnessPolicies policies, LogCosignatures cosignatures, LogCheckpoints checkpoints) {
        this.policies = policies;
        this.cosignatures = cosignatures;
        this.checkpoints = checkpoints;
    }

    LogCheckpoints.Published served(OrganisationId organisation, LogCheckpoints.Published latestSigned) {
        Optional<WitnessPolicy> policy = policies.find(organisation);
        if (policy.isEmpty() || !policy.get().needsWitnesses()) {
            return withLines(organisation, latestSigned);
        }
        for (Map.Entry<Long, Set<String>> cosigned :
                cosignatures.recentWitnesses(organisation, SIZES_SEARCHED).entrySet()) {
            if (cosigned.getKey() <= latestSigned.size() && policy.get().satisfiedBy(cosigned.getValue())) {
                return checkpoints
                        .at(organisation, cosigned.getKey())
                        .map(found -> withLines(organisation, found))
                        .orElse(latestSigned);
            }
        }
        return latestSigned;
    }

    /**
     * How long the newest signed checkpoint has been waiting for its quorum, if it is waiting
     * (empty without a policy that needs witnesses, or once the quorum cosigned it).
     */
    Optional<java.time.Duration> waitingForQuorum(OrganisationId organisation, java.time.Instant now) {
        Optional<LogCheckpoints.Published> latest = checkpoints.latest(organisation);
        Optional<WitnessPolicy> policy = policies.find(organisation);
        if (latest.isEmpty() || policy.isEmpty() || !policy.get().needsWitnesses()) {
            return Optional.empty();
        }
        if (served(organisation, latest.get()).size() >= latest.get().size()) {
            return Optional.empty();
        }
        return Optional.of(java.time.Duration.between(latest.get().publishedAt(), now));
    }

    private LogCheckpoints.Published withLines(OrganisationId organisation, LogCheckpoints.Published checkpoint) {
        Map<String, String> lines = cosignatures.linesFor(organisation, checkpoint.size());
        if (lines.isEmpty()) {
            return checkpoint;
        }
        StringBuilder note = new StringBuilder(checkpoint.note());
        lines.values().forEach(line -> note.append(line).append('\n'));
        return new LogCheckpoints.Published(checkpoint.size(), note.toString(), checkpoint.publishedAt());
    }
}
