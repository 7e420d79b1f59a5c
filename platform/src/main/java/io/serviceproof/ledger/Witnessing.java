package io.serviceproof.ledger;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.Phrase;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.witness.WitnessPolicy;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * An organisation's witnesses: the policy its owner sets (which witnesses, which quorum), what the
 * log knows of each witness, and the policy as published for verifiers.
 */
@Service
public class Witnessing {

    private final WitnessPolicies policies;
    private final WitnessCosigner cosigner;
    private final LogKeyring keyring;
    private final CheckpointPublisher publisher;
    private final WitnessedCheckpoints witnessed;
    private final Clock clock;

    Witnessing(
            WitnessPolicies policies,
            WitnessCosigner cosigner,
            LogKeyring keyring,
            CheckpointPublisher publisher,
            WitnessedCheckpoints witnessed,
            Clock clock) {
        this.witnessed = witnessed;
        this.publisher = publisher;
        this.policies = policies;
        this.cosigner = cosigner;
        this.keyring = keyring;
        this.clock = clock;
    }

    /**
     * Sets the policy. The {@code log} line is this log's own key; it is added when missing, and a
     * policy naming any other log is refused.
     */
    public String setPolicy(OrganisationId organisation, String text) {
        VerifierKey own = keyring.verifierKey(organisation);
        String withLog =
                text.lines().anyMatch(line -> line.strip().startsWith("log ")) ? text : "log " + own + "\n" + text;
        if (!withLog.endsWith("\n")) {
            withLog = withLog + "\n";
        }
        WitnessPolicy policy;
        try {
            policy = WitnessPolicy.parse(withLog);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("policy", Phrase.of("error.policy.unreadable", e.getMessage()));
        }
        if (!policy.logKeys().equals(List.of(own))) {
            throw new InvalidInputException("policy", Phrase.of("error.policy.log", own));
        }
        if (policy.needsWitnesses()
                && policy.witnesses().stream().anyMatch(w -> w.url().isEmpty())) {
            throw new InvalidInputException("policy", Phrase.of("error.policy.url"));
        }
        policies.save(organisation, withLog, clock.instant());
        publisher.forget(organisation);
        return withLog;
    }

    public Optional<String> policy(OrganisationId organisation) {
        return policies.find(organisation).map(WitnessPolicy::text);
    }

    public List<WitnessCosigner.WitnessStatus> witnesses(OrganisationId organisation) {
        return cosigner.statuses(organisation);
    }

    /** How long the newest checkpoint has waited for the quorum, while it waits. */
    public Optional<java.time.Duration> waitingForQuorum(OrganisationId organisation) {
        return witnessed.waitingForQuorum(organisation, clock.instant());
    }

    /** Asks the witnesses now rather than at the next tick. */
    public void cosignNow(OrganisationId organisation) {
        cosigner.cosign(organisation);
        publisher.forget(organisation);
    }
}
