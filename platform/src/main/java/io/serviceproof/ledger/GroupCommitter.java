package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sequences appends that are not part of a caller's transaction on one thread, committing those
 * that are waiting together in one transaction (group commit). A commit's fixed cost (on SQLite
 * the fsync of the WAL, a quarter of a batch's time) is then shared, and a producer can hand over
 * its next batch while the one before is being written (ADR 012).
 *
 * <p>Each append is still all or none and acknowledged only after its transaction commits. Should
 * a group's transaction fail, every append in it is committed again on its own, so one producer's
 * refused batch (a conflicting event id) is answered to that producer alone.
 *
 * <p>The queue is bounded by events: a producer faster than the disk waits for room (and after
 * {@link #WAIT_FOR_ROOM} is told to try again, HTTP 503), so a backlog is held by producers and
 * brokers, not by this server's heap. Unbounded, a broker pushing its whole backlog (MQTT 5 lets it
 * send up to the client's receive maximum) made the heap grow by the backlog and GC cost a core.
 */
@Component
class GroupCommitter implements SmartLifecycle {

    /** Enough to share a commit among many producers, small enough to keep a transaction short. */
    static final int MAX_GROUP_EVENTS = 16_000;

    /** Events queued or being committed, at most: two full groups. */
    static final int MAX_QUEUED_EVENTS = 2 * MAX_GROUP_EVENTS;

    /** How long a producer waits for room in the queue before it is told to try again. */
    static final java.time.Duration WAIT_FOR_ROOM = java.time.Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    private final Sequencer sequencer;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Room in the queue, in events; taken when a batch is queued, given back when it is answered. */
    private final java.util.concurrent.Semaphore room;

    private final int maxQueuedEvents;
    private final java.time.Duration waitForRoom;
    private volatile boolean running;
    private Thread thread;

    @org.springframework.beans.factory.annotation.Autowired
    GroupCommitter(Sequencer sequencer, TransactionTemplate transaction) {
        this(sequencer, transaction, MAX_QUEUED_EVENTS, WAIT_FOR_ROOM);
    }

    GroupCommitter(
            Sequencer sequencer, TransactionTemplate transaction, int maxQueuedEvents, java.time.Duration waitForRoom) {
        this.sequencer = sequencer;
        this.transaction = transaction;
        this.maxQueuedEvents = maxQueuedEvents;
        this.waitForRoom = waitForRoom;
        this.room = new java.util.concurrent.Semaphore(maxQueuedEvents);
        // Started at once rather than with the context's lifecycle: beans may append while the
        // context is still starting (a bootstrap's trail lines).
        start();
    }

    /**
     * One producer's batch, waiting for its place in the log; {@code whenSequenced} runs in the
     * transaction that sequences it (the device registry counts signed events there, in the same
     * commit rather than one of its own per batch).
     */
    record Pending(
            OrganisationId organisation,
            List<HashedDraft> drafts,
            java.util.function.Consumer<List<Appended>> whenSequenced,
            CompletableFuture<List<Appended>> done) {

        Pending(OrganisationId organisation, List<HashedDraft> drafts) {
            this(organisation, drafts, appended -> {});
        }

        Pending(
                OrganisationId organisation,
                List<HashedDraft> drafts,
                java.util.function.Consumer<List<Appended>> whenSequenced) {
            this(organisation, drafts, whenSequenced, new CompletableFuture<>());
        }

        /** Sequences this batch alone, in the caller's transaction. */
        List<Appended> sequenceWith(Sequencer sequencer) {
            List<Appended> appended = sequencer.append(organisation, drafts);
            whenSequenced.accept(appended);
            return appended;
        }
    }

    /** Queues a batch; the future completes once it is durably sequenced, or with why it was refused. */
    CompletableFuture<List<Appended>> submit(OrganisationId organisation, List<HashedDraft> drafts) {
        return submit(organisation, drafts, appended -> {});
    }

    /** As {@link #submit(OrganisationId, List)}, running {@code whenSequenced} in the sequencing transaction. */
    CompletableFuture<List<Appended>> submit(
            OrganisationId organisation,
            List<HashedDraft> drafts,
            java.util.function.Consumer<List<Appended>> whenSequenced) {
        // A batch larger than the whole queue takes all of it; the committing thread never waits on itself.
        int events = Thread.currentThread() == thread ? 0 : Math.min(drafts.size(), maxQueuedEvents);
        awaitRoom(events);
        Pending pending = new Pending(organisation, drafts, whenSequenced);
        // Checked and queued under the lock stop() takes, so nothing is queued after the last drain.
        synchronized (this) {
            if (!running) {
                room.release(events);
                throw new IllegalStateException("the ledger is shutting down and takes no more appends");
            }
            queue.add(pending);
        }
        return pending.done().whenComplete((appended, refused) -> room.release(events));
    }

    private void awaitRoom(int events) {
        try {
            if (room.tryAcquire(events, waitForRoom.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new io.serviceproof.common.ServiceUnavailableException(
                "The log is taking events more slowly than they arrive and has no room for " + events
                        + " more now; nothing of this batch was logged. Send it again shortly.",
                5);
    }

    /** Starts the committing thread; again after a stop (a paused test context is restarted). */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "ledger-group-commit");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stopped after the web server, so no request is still appending when the queue closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** Stops taking appends and commits every one already queued before returning. */
    @Override
    public void stop() {
        Thread draining;
        synchronized (this) {
            running = false;
            draining = thread;
        }
        try {
            draining.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    commit(group(first));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // commit() answers every append it takes; this is a bug, and the thread must live on.
                log.error("Group commit failed unexpectedly", e);
            }
        }
    }

    /** The first batch and those queued behind it, up to {@link #MAX_GROUP_EVENTS} events. */
    private List<Pending> group(Pending first) {
        List<Pending> group = new ArrayList<>(List.of(first));
        int events = first.drafts().size();
        Pending next;
        while ((next = queue.peek()) != null && events + next.drafts().size() <= MAX_GROUP_EVENTS) {
            group.add(queue.poll());
            events += next.drafts().size();
        }
        return group;
    }

    /** Commits a group together, or, if that fails, each of its appends alone; answers every one. */
    void commit(List<Pending> group) {
        if (group.size() > 1) {
            try {
                Map<Pending, List<Appended>> results = transaction.execute(status -> appendTogether(group));
                results.forEach((pending, appended) -> pending.done().complete(appended));
                return;
            } catch (RuntimeException refusedTogether) {
                // Nothing of the group was committed; each append gets its own transaction and answer.
            }
        }
        for (Pending pending : group) {
            try {
                pending.done().complete(transaction.execute(status -> pending.sequenceWith(sequencer)));
            } catch (RuntimeException refused) {
                pending.done().completeExceptionally(refused);
            }
        }
    }

    /**
     * One sequencer call per organisation, its batches in arrival order, then each batch's share.
     * Logs are locked in the order of their organisation ids, so two nodes committing groups on
     * PostgreSQL cannot deadlock on each other's heads.
     */
    private Map<Pending, List<Appended>> appendTogether(List<Pending> group) {
        Map<OrganisationId, List<Pending>> byOrganisation =
                new TreeMap<>(java.util.Comparator.comparing(OrganisationId::toString));
        group.forEach(pending -> byOrganisation
                .computeIfAbsent(pending.organisation(), o -> new ArrayList<>())
                .add(pending));
        // By identity: a record's hash would hash every draft.
        Map<Pending, List<Appended>> results = new IdentityHashMap<>();
        byOrganisation.forEach((organisation, batches) -> {
            List<HashedDraft> drafts = new ArrayList<>();
            batches.forEach(batch -> drafts.addAll(batch.drafts()));
            List<Appended> appended = sequencer.append(organisation, drafts);
            int from = 0;
            for (Pending batch : batches) {
                List<Appended> share =
                        appended.subList(from, from + batch.drafts().size());
                batch.whenSequenced().accept(share);
                results.put(batch, share);
                from += batch.drafts().size();
            }
        });
        return results;
    }
}
