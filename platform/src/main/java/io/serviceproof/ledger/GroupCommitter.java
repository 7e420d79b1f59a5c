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
 */
@Component
class GroupCommitter implements SmartLifecycle {

    /** Enough to share a commit among many producers, small enough to keep a transaction short. */
    static final int MAX_GROUP_EVENTS = 16_000;

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    private final Sequencer sequencer;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    GroupCommitter(Sequencer sequencer, TransactionTemplate transaction) {
        this.sequencer = sequencer;
        this.transaction = transaction;
        // Started at once rather than with the context's lifecycle: beans may append while the
        // context is still starting (a bootstrap's trail lines).
        start();
    }

    /** One producer's batch, waiting for its place in the log. */
    record Pending(OrganisationId organisation, List<HashedDraft> drafts, CompletableFuture<List<Appended>> done) {

        Pending(OrganisationId organisation, List<HashedDraft> drafts) {
            this(organisation, drafts, new CompletableFuture<>());
        }
    }

    /** Queues a batch; the future completes once it is durably sequenced, or with why it was refused. */
    CompletableFuture<List<Appended>> submit(OrganisationId organisation, List<HashedDraft> drafts) {
        Pending pending = new Pending(organisation, drafts);
        // Checked and queued under the lock stop() takes, so nothing is queued after the last drain.
        synchronized (this) {
            if (!running) {
                throw new IllegalStateException("the ledger is shutting down and takes no more appends");
            }
            queue.add(pending);
        }
        return pending.done();
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
                pending.done()
                        .complete(transaction.execute(
                                status -> sequencer.append(pending.organisation(), pending.drafts())));
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
                results.put(batch, appended.subList(from, from + batch.drafts().size()));
                from += batch.drafts().size();
            }
        });
        return results;
    }
}
