package io.serviceproof.dossier;

import io.serviceproof.common.NotFoundException;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.identity.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Dossiers built in the background: a large one (many evidence files, several layers' SLA reports)
 * takes longer than a request should, so the user starts a build, watches its steps, and downloads
 * the result. Builds run one at a time per node; a finished dossier is kept in memory for an hour
 * (the latest twenty at most) on the node that built it.
 */
@Service
public class DossierJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DossierJobs.class);
    static final Duration KEPT_FOR = Duration.ofHours(1);
    /** Finished dossiers are held in memory: at most this many. */
    static final int KEPT_MOST = 20;

    /** Where a build stands. */
    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    /** A build's progress: {@code step} of {@code steps}, and what it is doing. */
    public record Job(
            String id,
            OrganisationId organisation,
            String credentialId,
            State state,
            int step,
            int steps,
            String doing,
            Instant startedAt,
            byte[] zip) {

        public int percent() {
            return steps == 0 ? 0 : Math.min(100, 100 * step / steps);
        }
    }

    private final Dossiers dossiers;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dossier-builder");
        thread.setDaemon(true);
        return thread;
    });

    DossierJobs(Dossiers dossiers, Clock clock) {
        this.dossiers = dossiers;
        this.clock = clock;
    }

    /** Starts building the acting organisation's dossier of a credential; returns the job. */
    public Job start(String credentialId) {
        Actor actor = Tenancy.actor();
        // Fails now, not in the background, when the credential is not the organisation's.
        dossiers.checkExists(credentialId);
        forgetOld();
        String id = UUID.randomUUID().toString();
        jobs.put(
                id,
                new Job(
                        id,
                        actor.organisationId(),
                        credentialId,
                        State.RUNNING,
                        0,
                        1,
                        "queued",
                        clock.instant(),
                        null));
        builder.submit(() -> Tenancy.runAs(actor, () -> build(id, credentialId)));
        return jobs.get(id);
    }

    /** A job of the acting organisation. */
    public Job job(String id) {
        Job job = jobs.get(id);
        if (job == null || !job.organisation().equals(Tenancy.organisationId())) {
            throw new NotFoundException("Dossier build", id);
        }
        return job;
    }

    private void build(String id, String credentialId) {
        try {
            byte[] zip = dossiers.build(
                    credentialId,
                    (step, steps, doing) -> jobs.computeIfPresent(
                            id,
                            (k, j) -> new Job(
                                    k,
                                    j.organisation(),
                                    j.credentialId(),
                                    State.RUNNING,
                                    step,
                                    steps,
                                    doing,
                                    j.startedAt(),
                                    null)));
            jobs.computeIfPresent(
                    id,
                    (k, j) -> new Job(
                            k,
                            j.organisation(),
                            j.credentialId(),
                            State.DONE,
                            j.steps(),
                            j.steps(),
                            "done",
                            j.startedAt(),
                            zip));
        } catch (RuntimeException e) {
            log.error("Dossier build {} of credential {} failed", id, credentialId, e);
            jobs.computeIfPresent(
                    id,
                    (k, j) -> new Job(
                            k,
                            j.organisation(),
                            j.credentialId(),
                            State.FAILED,
                            j.step(),
                            j.steps(),
                            e.getMessage(),
                            j.startedAt(),
                            null));
        }
    }

    /** Finished builds go after an hour, and beyond the most recent {@value #KEPT_MOST}, oldest first. */
    private void forgetOld() {
        Instant cutoff = clock.instant().minus(KEPT_FOR);
        jobs.values().removeIf(j -> j.state() != State.RUNNING && j.startedAt().isBefore(cutoff));
        List<Job> finished = jobs.values().stream()
                .filter(j -> j.state() != State.RUNNING)
                .sorted(java.util.Comparator.comparing(Job::startedAt))
                .toList();
        for (int i = 0; i < finished.size() - KEPT_MOST; i++) {
            jobs.remove(finished.get(i).id());
        }
    }

    @Override
    public void destroy() {
        builder.shutdownNow();
    }
}
