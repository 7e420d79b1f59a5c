package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.NoteSigner;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs and stores checkpoints: on a schedule for every log that has grown (default every second),
 * and on demand. A checkpoint only ever covers committed entries, whose nodes (and so tiles) are
 * already readable, so a client never sees a checkpoint it cannot verify.
 */
@Component
class CheckpointPublisher {

    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);
    private static final java.time.Duration FRESH_FOR = java.time.Duration.ofMillis(250);

    private final java.util.Map<OrganisationId, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();

    private final LogHeads heads;
    private final LogCheckpoints checkpoints;
    private final Sequencer sequencer;
    private final LogKeyring keyring;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CheckpointPublisher(
            LogHeads heads,
            LogCheckpoints checkpoints,
            Sequencer sequencer,
            LogKeyring keyring,
            TransactionTemplate transaction,
            Clock clock) {
        this.heads = heads;
        this.checkpoints = checkpoints;
        this.sequencer = sequencer;
        this.keyring = keyring;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${serviceproof.ledger.checkpoint-interval:1s}")
    void publishGrownLogs() {
        for (OrganisationId organisation : heads.withUnpublishedEntries()) {
            try {
                publish(organisation);
            } catch (RuntimeException e) {
                log.error("Could not publish a checkpoint for {}", organisation, e);
            }
        }
    }

    /** Publishes a checkpoint at the log's current size unless one exists; returns the latest. */
    LogCheckpoints.Published publish(OrganisationId organisation) {
        LogCheckpoints.Published published = transaction.execute(status -> {
            long size = heads.size(organisation);
            Optional<LogCheckpoints.Published> latest = checkpoints.latest(organisation);
            if (latest.isPresent() && latest.get().size() >= size) {
                return latest.get();
            }
            var signer = keyring.signer(organisation);
            Checkpoint checkpoint = new Checkpoint(
                    signer.name(), size, sequencer.edgeAt(organisation, size).root());
            try {
                String note = NoteSigner.sign(checkpoint.text(), signer).format();
                checkpoints.insert(organisation, size, note, clock.instant());
            } catch (MalformedNoteException e) {
                throw new IllegalStateException("a checkpoint we built is not a valid note", e);
            }
            return checkpoints.latest(organisation).orElseThrow();
        });
        recent.put(organisation, new Cached(published, clock.instant()));
        return published;
    }

    /**
     * The latest checkpoint, publishing the first one (of the empty log) if there is none. Kept for a
     * moment in memory: proofs and tiles against a checkpoint a few hundred milliseconds old are
     * just as valid, and reading it for every proof showed in the latency.
     */
    LogCheckpoints.Published latest(OrganisationId organisation) {
        Cached cached = recent.get(organisation);
        if (cached != null && cached.readAt().plus(FRESH_FOR).isAfter(clock.instant())) {
            return cached.checkpoint();
        }
        LogCheckpoints.Published latest = checkpoints.latest(organisation).orElseGet(() -> publish(organisation));
        recent.put(organisation, new Cached(latest, clock.instant()));
        return latest;
    }

    private record Cached(LogCheckpoints.Published checkpoint, java.time.Instant readAt) {}
}
