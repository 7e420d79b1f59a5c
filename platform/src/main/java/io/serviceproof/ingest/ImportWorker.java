package io.serviceproof.ingest;

import io.serviceproof.common.blobs.BlobStore;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.ledger.Ledger;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs event imports, one at a time per node, in the background. A file that refuses bad lines is
 * checked whole first and refused before anything is logged if one line is bad; then, in either mode,
 * lines are logged in batches, and after each durably logged batch the import's progress is saved:
 * that save is also the worker's heartbeat. An import whose heartbeat stops (the node died, or was
 * stopped) is claimed again by the sweep on any node and resumes after its last saved line; event ids
 * make the re-sent part of a batch an idempotent repeat, so nothing is logged twice.
 */
@Component
class ImportWorker {

    /** Lines per append: large enough to share the log's commits, small enough to resume close by. */
    static final int BATCH = 500;

    private final EventImportRows rows;
    private final BlobStore blobs;
    private final Ledger ledger;
    private final UserActionTrail trail;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration staleAfter;
    private final ExecutorService runner =
            Executors.newSingleThreadExecutor(io.serviceproof.common.DaemonThreads.named("event-import"));

    ImportWorker(
            EventImportRows rows,
            BlobStore blobs,
            Ledger ledger,
            UserActionTrail trail,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${serviceproof.ingest.import-stale-after:60s}") Duration staleAfter) {
        this.rows = rows;
        this.blobs = blobs;
        this.ledger = ledger;
        this.trail = trail;
        this.transaction = transaction;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** Queues an import to run on this node (if no other node has claimed it by then). */
    void runSoon(String id) {
        runner.execute(() -> claimAndRun(id));
    }

    /** Picks up imports that are queued, or whose worker stopped beating, on whichever node sweeps first. */
    @Scheduled(fixedDelayString = "${serviceproof.ingest.import-sweep:15s}")
    void sweep() {
        rows.claimable(clock.instant().minus(staleAfter)).forEach(this::runSoon);
    }

    @PreDestroy
    void stop() {
        // The running import keeps its saved progress; the sweep resumes it after the restart.
        runner.shutdownNow();
    }

    private void claimAndRun(String id) {
        rows.claim(id, clock.instant().minus(staleAfter), clock.instant())
                .ifPresent(claimed -> Tenancy.runAs(
                        Actor.system(claimed.organisation(), "system:event-import"),
                        () -> new ImportRun(claimed.runs(), rows, blobs, ledger, trail, transaction, clock).run()));
    }
}
