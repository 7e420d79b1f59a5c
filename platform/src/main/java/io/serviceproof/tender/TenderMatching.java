package io.serviceproof.tender;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Tenancy;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matches tenders' clauses in the background, one tender at a time per node: the organisation's
 * knowledge is read once, indexed, and each clause's suggestions saved in batches; each batch's save
 * also records progress, which the pages show and which is the run's heartbeat. A run whose
 * heartbeat stops (its node died) is claimed by the sweep on any node and run again from the start:
 * matching writes nothing but suggestions, so a repeat is harmless.
 */
@Component
class TenderMatching {

    private static final Logger log = LoggerFactory.getLogger(TenderMatching.class);
    /** Clauses per saved batch: progress moves visibly, SQLite commits stay few. */
    static final int BATCH = 100;

    private final TenderRows rows;
    private final Knowledge knowledge;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration staleAfter;
    private final Analysis analysis = new Analysis();
    private final ExecutorService runner =
            Executors.newSingleThreadExecutor(io.serviceproof.common.DaemonThreads.named("tender-matching"));

    TenderMatching(
            TenderRows rows,
            Knowledge knowledge,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${serviceproof.tenders.matching-stale-after:60s}") Duration staleAfter) {
        this.rows = rows;
        this.knowledge = knowledge;
        this.transaction = transaction;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** Queues a tender's matching on this node (if no other node has claimed it by then). */
    void runSoon(String tenderId) {
        runner.execute(() -> claimAndRun(tenderId));
    }

    @Scheduled(fixedDelayString = "${serviceproof.tenders.matching-sweep:15s}")
    void sweep() {
        rows.claimable(clock.instant().minus(staleAfter)).forEach(this::runSoon);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private void claimAndRun(String tenderId) {
        rows.claim(tenderId, clock.instant().minus(staleAfter), clock.instant())
                .ifPresent(organisation ->
                        Tenancy.runAs(Actor.system(organisation, "system:tender-matching"), () -> run(tenderId)));
    }

    private void run(String tenderId) {
        try {
            List<TenderClause> clauses = rows.clauses(tenderId);
            ClauseMatcher matcher = new ClauseMatcher(analysis, knowledge.read());
            for (int from = 0; from < clauses.size(); from += BATCH) {
                List<TenderClause> batch = clauses.subList(from, Math.min(from + BATCH, clauses.size()));
                List<List<Suggestion>> suggestions = batch.stream()
                        .map(c -> matcher.match(c.language(), c.text()))
                        .toList();
                int done = from + batch.size();
                transaction.executeWithoutResult(status -> {
                    for (int i = 0; i < batch.size(); i++) {
                        rows.saveSuggestions(batch.get(i).id(), suggestions.get(i));
                    }
                    rows.progress(tenderId, done, clock.instant());
                });
            }
            rows.finish(tenderId, Tender.Status.DONE, null, clock.instant());
        } catch (RuntimeException e) {
            log.error("Matching tender {} failed", tenderId, e);
            rows.finish(tenderId, Tender.Status.FAILED, String.valueOf(e.getMessage()), clock.instant());
        }
    }

    /** Suggestions for each text, against the organisation's knowledge as it is now. */
    List<List<Suggestion>> matchAll(List<String> texts) {
        ClauseMatcher matcher = new ClauseMatcher(analysis, knowledge.read());
        return texts.stream().map(t -> matcher.match(ClauseLanguage.of(t), t)).toList();
    }
}
