package io.serviceproof.dossier;

import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Sha256;
import io.serviceproof.common.blobs.BlobStore;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.identity.Tenancy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Dossiers built in the background: a large one (many evidence files, several layers' SLA reports)
 * takes longer than a request should, so the user starts a build, watches its steps, and downloads
 * the result. A build is recorded before it is acknowledged, and one a restart interrupted is run
 * again when the server is ready; a finished dossier is kept as a blob for a day. Builds run one at
 * a time per node; their step-by-step progress is known on the node running them.
 */
@Service
public class DossierJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DossierJobs.class);
    /** How long a finished dossier can be downloaded. */
    static final Duration KEPT_FOR = Duration.ofHours(24);

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
            Instant startedAt) {

        public int percent() {
            return steps == 0 ? 0 : Math.min(100, 100 * step / steps);
        }

        Job at(int step, int steps, String doing) {
            return new Job(id, organisation, credentialId, State.RUNNING, step, steps, doing, startedAt);
        }
    }

    private final Dossiers dossiers;
    private final DossierBuilds builds;
    private final BlobStore blobs;
    private final Clock clock;
    /** Builds running or queued on this node, with their latest step. */
    private final Map<String, Job> progress = new ConcurrentHashMap<>();

    private final ExecutorService builder =
            Executors.newSingleThreadExecutor(io.serviceproof.common.DaemonThreads.named("dossier-builder"));

    DossierJobs(Dossiers dossiers, DossierBuilds builds, BlobStore blobs, Clock clock) {
        this.dossiers = dossiers;
        this.builds = builds;
        this.blobs = blobs;
        this.clock = clock;
    }

    /** Starts building the acting organisation's dossier of a credential; returns the job. */
    public Job start(String credentialId) {
        Actor actor = Tenancy.actor();
        // Fails now, not in the background, when the credential is not the organisation's.
        dossiers.checkExists(credentialId);
        forgetOld();
        Job queued = new Job(
                UUID.randomUUID().toString(),
                actor.organisationId(),
                credentialId,
                State.RUNNING,
                0,
                1,
                "queued",
                clock.instant());
        builds.insert(queued.id(), queued.organisation(), credentialId, queued.startedAt());
        enqueue(actor, queued);
        return queued;
    }

    /** A build of the acting organisation. */
    public Job job(String id) {
        OrganisationId organisation = Tenancy.organisationId();
        Job running = progress.get(id);
        if (running != null && running.organisation().equals(organisation)) {
            return running;
        }
        DossierBuilds.Recorded recorded =
                builds.find(organisation, id).orElseThrow(() -> new NotFoundException("Dossier build", id));
        return switch (recorded.state()) {
            // Queued on another node, or interrupted here and about to be run again.
            case RUNNING -> job(recorded, 0, 1, "queued");
            case DONE -> job(recorded, 1, 1, "done");
            case FAILED -> job(recorded, 0, 1, recorded.failure());
        };
    }

    /**
     * A finished dossier's zip, checked against the digest recorded when it was built. It is a blob,
     * so any node can serve a dossier another node built when blobs are in the database.
     */
    public byte[] file(Job job) {
        DossierBuilds.Recorded recorded = builds.find(job.organisation(), job.id())
                .filter(b -> b.state() == State.DONE)
                .orElseThrow(() -> new NotFoundException("Dossier build", job.id()));
        try (InputStream in = blobs.open(recorded.zipSha256())) {
            byte[] zip = in.readAllBytes();
            if (!Sha256.hex(zip).equals(recorded.zipSha256())) {
                throw new IllegalStateException("dossier " + job.id() + " no longer matches its digest");
            }
            return zip;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "dossier " + job.id() + " is recorded as built but its file is unreadable", e);
        }
    }

    /** Runs again every build a restart interrupted (acknowledged, never finished). */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        forgetOld();
        for (DossierBuilds.Recorded interrupted : builds.unfinished()) {
            if (!progress.containsKey(interrupted.id())) {
                log.info("Dossier build {} was interrupted; building it again", interrupted.id());
                enqueue(
                        Actor.system(interrupted.organisation(), "system:dossier-builds"),
                        job(interrupted, 0, 1, "queued again after a restart"));
            }
        }
    }

    private void enqueue(Actor actor, Job queued) {
        progress.put(queued.id(), queued);
        builder.submit(() -> Tenancy.runAs(actor, () -> build(queued)));
    }

    private void build(Job queued) {
        String id = queued.id();
        try {
            byte[] zip = dossiers.build(
                    queued.credentialId(), (step, steps, doing) -> progress.put(id, queued.at(step, steps, doing)));
            store(zip);
            builds.done(id, Sha256.hex(zip), clock.instant());
        } catch (RuntimeException e) {
            log.error("Dossier build {} of credential {} failed", id, queued.credentialId(), e);
            builds.failed(id, e.getMessage(), clock.instant());
        } finally {
            progress.remove(id);
        }
    }

    /** Kept as a blob (durable once kept): the record says DONE only after. */
    private void store(byte[] zip) {
        try (BlobStore.Staged staged = blobs.stage(new ByteArrayInputStream(zip), Long.MAX_VALUE, "Dossiers")) {
            blobs.keep(staged);
        }
    }

    /** Finished builds go, record and then zip, a day after they finished. */
    private void forgetOld() {
        for (DossierBuilds.Finished finished :
                builds.finishedBefore(clock.instant().minus(KEPT_FOR))) {
            builds.delete(finished.id());
            if (finished.zipSha256() != null) {
                blobs.forget(finished.zipSha256());
            }
        }
    }

    private static Job job(DossierBuilds.Recorded recorded, int step, int steps, String doing) {
        return new Job(
                recorded.id(),
                recorded.organisation(),
                recorded.credentialId(),
                recorded.state(),
                step,
                steps,
                doing,
                recorded.startedAt());
    }

    @Override
    public void destroy() {
        builder.shutdownNow();
    }
}
