package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.CheckpointVerifier;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.NoteSigner;
import io.serviceproof.verifier.note.NoteVerificationException;
import io.serviceproof.verifier.note.SignerKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signs and stores checkpoints: on a schedule for every log that has grown (default every second),
 * and on demand. Before signing, the stored tree must reproduce the checkpoint last signed (kept in
 * the {@link CheckpointLock}, apart from the tiles); the new checkpoint is signed over a root read
 * afresh from storage and takes the lock's place by compare-and-swap before anyone is shown it.
 * A checkpoint only ever covers committed entries, so a client never sees one it cannot verify.
 */
@Component
class CheckpointPublisher {

    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);
    private static final Duration FRESH_FOR = Duration.ofMillis(250);

    private final Map<OrganisationId, Cached> recent = new ConcurrentHashMap<>();

    private final LogHeads heads;
    private final LogCheckpoints checkpoints;
    private final CheckpointLock lock;
    private final StoredTree storedTree;
    private final LogIntegrity integrity;
    private final LogKeyring keyring;
    private final WitnessedCheckpoints witnessed;
    private final WitnessCosigner cosigner;
    private final Clock clock;

    CheckpointPublisher(
            LogHeads heads,
            LogCheckpoints checkpoints,
            CheckpointLock lock,
            StoredTree storedTree,
            LogIntegrity integrity,
            LogKeyring keyring,
            WitnessedCheckpoints witnessed,
            WitnessCosigner cosigner,
            Clock clock) {
        this.cosigner = cosigner;
        this.witnessed = witnessed;
        this.heads = heads;
        this.checkpoints = checkpoints;
        this.lock = lock;
        this.storedTree = storedTree;
        this.integrity = integrity;
        this.keyring = keyring;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${serviceproof.ledger.checkpoint-interval:1s}")
    void publishGrownLogs() {
        for (OrganisationId organisation : heads.withUnpublishedEntries()) {
            if (integrity.halt(organisation).isPresent()) {
                continue;
            }
            try {
                publish(organisation);
            } catch (LogHaltedException halted) {
                // Said once, by LogIntegrity.
            } catch (RuntimeException e) {
                log.error("Could not publish a checkpoint for {}", organisation, e);
            }
        }
    }

    /**
     * Checks that storage reproduces the last signed checkpoint, adopting the latest stored one into
     * the lock the first time (a log from before the lock existed); halts the log if not.
     */
    void check(OrganisationId organisation) {
        lockedCheckpoint(organisation, heads.size(organisation));
    }

    /** Publishes a checkpoint at the log's current size unless one exists; returns the latest. */
    LogCheckpoints.Published publish(OrganisationId organisation) {
        boolean insideAppendingTransaction = UncommittedAppends.any(organisation);
        for (int attempt = 0; ; attempt++) {
            integrity.requireIntact(organisation);
            long size = heads.size(organisation);
            Optional<String> locked = lockedCheckpoint(organisation, size);
            if (locked.isPresent() && parse(organisation, locked.get()).size() >= size) {
                return stored(organisation, locked.get());
            }
            SignerKey signer = keyring.signer(organisation);
            Checkpoint next = new Checkpoint(signer.name(), size, storedTree.root(organisation, size));
            String note = sign(next, signer);
            if (insideAppendingTransaction) {
                // This transaction's own entries are in the tree: the checkpoint commits with them (or
                // vanishes with them), and the lock, which commits on its own, moves only after.
                checkpoints.insert(organisation, size, note, clock.instant());
                afterCommit(() -> advanceLock(organisation, locked, note, size));
                recent.remove(organisation);
                return new LogCheckpoints.Published(size, note, clock.instant());
            }
            if (lock.compareAndSwap(organisation, locked, note)) {
                checkpoints.insert(organisation, size, note, clock.instant());
                recent.remove(organisation);
                cosigner.checkpointSigned(organisation);
                return new LogCheckpoints.Published(size, note, clock.instant());
            }
            if (attempt == 3) {
                throw new IllegalStateException("the checkpoint lock of " + organisation
                        + " kept moving under this node; is another node signing with a different tree?");
            }
            // Another node signed first; the next round checks what it signed against storage.
        }
    }

    /**
     * The published checkpoint (the latest signed one, or under a witness policy the newest one its
     * witnesses cosigned; see {@link WitnessedCheckpoints}), publishing the first one (of the empty
     * log) if there is none. Kept for a
     * moment in memory: proofs and tiles against a checkpoint a few hundred milliseconds old are
     * just as valid, and reading it for every proof showed in the latency.
     */
    LogCheckpoints.Published latest(OrganisationId organisation) {
        Cached cached = recent.get(organisation);
        if (cached != null && cached.readAt().plus(FRESH_FOR).isAfter(clock.instant())) {
            return cached.checkpoint();
        }
        Optional<LogCheckpoints.Published> stored = checkpoints.latest(organisation);
        return remember(organisation, witnessed.served(organisation, stored.orElseGet(() -> publish(organisation))));
    }

    /** Drops the moment's memory of the published checkpoint (its cosignatures or policy changed). */
    void forget(OrganisationId organisation) {
        recent.remove(organisation);
    }

    private Optional<String> lockedCheckpoint(OrganisationId organisation, long storedSize) {
        Optional<String> locked = lock.read(organisation);
        if (locked.isPresent()) {
            storedTree.requireReproduces(organisation, parse(organisation, locked.get()), storedSize);
            return locked;
        }
        Optional<LogCheckpoints.Published> latest = checkpoints.latest(organisation);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        String note = latest.get().note();
        storedTree.requireReproduces(organisation, parse(organisation, note), storedSize);
        if (lock.compareAndSwap(organisation, Optional.empty(), note)) {
            log.info(
                    "Adopted checkpoint {} of {} into the checkpoint lock ({})",
                    latest.get().size(),
                    organisation,
                    lock.describe());
            return Optional.of(note);
        }
        return lockedCheckpoint(organisation, storedSize);
    }

    /** A checkpoint the lock holds, stored for readers if the table lacks it (the lock moves first). */
    private LogCheckpoints.Published stored(OrganisationId organisation, String note) {
        long size = parse(organisation, note).size();
        Optional<LogCheckpoints.Published> latest = checkpoints.latest(organisation);
        if (latest.isPresent()
                && latest.get().size() == size
                && latest.get().note().equals(note)) {
            return latest.get();
        }
        checkpoints.insert(organisation, size, note, clock.instant());
        return new LogCheckpoints.Published(
                size,
                note,
                latest.map(LogCheckpoints.Published::publishedAt)
                        .filter(at -> latest.get().size() == size)
                        .orElse(clock.instant()));
    }

    /** A checkpoint this log signed; anything else in the lock means the lock itself was replaced. */
    private Checkpoint parse(OrganisationId organisation, String note) {
        try {
            return CheckpointVerifier.verify(note.getBytes(StandardCharsets.UTF_8), keyring.verifierKey(organisation));
        } catch (MalformedNoteException | NoteVerificationException e) {
            throw integrity.halt(
                    organisation,
                    "the checkpoint lock (" + lock.describe() + ") holds a note this log did not sign: "
                            + e.getMessage());
        }
    }

    /**
     * Moves the lock to a checkpoint committed inside a transaction, from what the lock held then or,
     * if another checkpoint of ours moved it meanwhile, from that one when it is smaller. Should
     * neither hold, the lock stays behind the table, which is safe: the next publish checks storage
     * against what the lock holds and signs from there.
     */
    private void advanceLock(OrganisationId organisation, Optional<String> expected, String note, long size) {
        if (lock.compareAndSwap(organisation, expected, note)) {
            return;
        }
        Optional<String> current = lock.read(organisation);
        if (current.isPresent() && parse(organisation, current.get()).size() < size) {
            lock.compareAndSwap(organisation, current, note);
        }
    }

    private static void afterCommit(Runnable action) {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        action.run();
                    }
                });
    }

    private static String sign(Checkpoint checkpoint, SignerKey signer) {
        try {
            return NoteSigner.sign(checkpoint.text(), signer).format();
        } catch (MalformedNoteException e) {
            throw new IllegalStateException("a checkpoint we built is not a valid note", e);
        }
    }

    private LogCheckpoints.Published remember(OrganisationId organisation, LogCheckpoints.Published published) {
        recent.put(organisation, new Cached(published, clock.instant()));
        return published;
    }

    private record Cached(LogCheckpoints.Published checkpoint, Instant readAt) {}
}
