package io.serviceproof.ledger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.NoteSignature;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.tlog.ProofBuilder;
import io.serviceproof.verifier.witness.AddCheckpointRequest;
import io.serviceproof.verifier.witness.WitnessPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The log side of c2sp.org/tlog-witness: submits each new checkpoint (and, for freshness, the same
 * one again every {@code refresh}) to the witnesses of the organisation's policy, with a
 * consistency proof from the size each witness last cosigned, and keeps the cosignatures that
 * verify. Runs apart from appends: a witness that is down delays publication, never durability.
 * A witness that has cosigned a larger tree than this log holds is proof of a rollback: the log halts.
 */
@Component
public class WitnessCosigner {

    private static final Logger log = LoggerFactory.getLogger(WitnessCosigner.class);

    /** What a log knows of one witness, for the log page, health and metrics. */
    public record WitnessStatus(
            String label, String url, long cosignedSize, Instant cosignedAt, Instant attemptedAt, String error) {}

    private final WitnessPolicies policies;
    private final LogCosignatures cosignatures;
    private final LogCheckpoints checkpoints;
    private final TreeNodes treeNodes;
    private final LogIds logIds;
    private final LogIntegrity integrity;
    private final Clock clock;
    private final Duration refresh;
    private final Timer submissions;
    private final MeterRegistry meters;
    private final WitnessEndpoint endpoint;
    private final Map<OrganisationId, Map<String, WitnessStatus>> statuses = new ConcurrentHashMap<>();
    /** Logs with a checkpoint waiting to be sent; one thread sends, so a burst of checkpoints coalesces. */
    private final java.util.Set<OrganisationId> queued = ConcurrentHashMap.newKeySet();

    private final Map<OrganisationId, Object> locks = new ConcurrentHashMap<>();

    private final java.util.concurrent.ExecutorService sender = java.util.concurrent.Executors.newSingleThreadExecutor(
            io.serviceproof.common.DaemonThreads.named("witness-cosigner"));

    WitnessCosigner(
            WitnessPolicies policies,
            LogCosignatures cosignatures,
            LogCheckpoints checkpoints,
            TreeNodes treeNodes,
            LogIds logIds,
            LogIntegrity integrity,
            Clock clock,
            MeterRegistry meters,
            WitnessEndpoint endpoint,
            @Value("${serviceproof.witness.refresh:5m}") Duration refresh) {
        this.endpoint = endpoint;
        this.policies = policies;
        this.cosignatures = cosignatures;
        this.checkpoints = checkpoints;
        this.treeNodes = treeNodes;
        this.logIds = logIds;
        this.integrity = integrity;
        this.clock = clock;
        this.refresh = refresh;
        this.meters = meters;
        this.submissions = Timer.builder("serviceproof.witness.checkpoint.cosigned")
                .description("From a checkpoint's signing to a witness's cosignature")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${serviceproof.witness.interval:1s}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "witness-cosigning", lockAtMostFor = "PT5M")
    void cosignPublished() {
        for (OrganisationId organisation : policies.organisations()) {
            if (integrity.halt(organisation).isEmpty()) {
                try {
                    cosign(organisation);
                } catch (RuntimeException e) {
                    log.warn("Could not ask the witnesses of {} to cosign", organisation, e);
                }
            }
        }
    }

    /**
     * Asks the witnesses about a checkpoint just signed, on the cosigner's own thread, so that
     * publication waits for a round trip rather than for the next tick, and signing never waits for
     * a witness.
     */
    void checkpointSigned(OrganisationId organisation) {
        if (queued.add(organisation)) {
            sender.execute(() -> {
                queued.remove(organisation);
                if (integrity.halt(organisation).isEmpty()) {
                    try {
                        cosign(organisation, true);
                    } catch (RuntimeException e) {
                        log.warn("Could not ask the witnesses of {} to cosign", organisation, e);
                    }
                }
            });
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        sender.shutdownNow();
    }

    /** Submits the latest signed checkpoint to every witness that has not cosigned it recently. */
    public void cosign(OrganisationId organisation) {
        cosign(organisation, false);
    }

    /**
     * {@code timed}: the checkpoint was just signed, so signing-to-cosignature is measured (retries and
     * freshness refreshes of older checkpoints would only measure how long ago they were signed).
     */
    private void cosign(OrganisationId organisation, boolean timed) {
        // One conversation with a log's witnesses at a time: two at once would race on the old size.
        synchronized (locks.computeIfAbsent(organisation, o -> new Object())) {
            cosignNow(organisation, timed);
        }
    }

    private void cosignNow(OrganisationId organisation, boolean timed) {
        Optional<WitnessPolicy> policy = policies.find(organisation);
        Optional<LogCheckpoints.Published> latest = checkpoints.latest(organisation);
        if (policy.isEmpty() || latest.isEmpty()) {
            return;
        }
        Map<String, LogCosignatures.Cosigned> newest = cosignatures.newestByWitness(organisation);
        for (WitnessPolicy.Witness witness : policy.get().witnesses()) {
            if (witness.url().isEmpty()) {
                continue;
            }
            LogCosignatures.Cosigned last = newest.get(witness.label());
            boolean current = last != null
                    && last.size() == latest.get().size()
                    && last.at().plus(refresh).isAfter(clock.instant());
            if (!current) {
                submit(organisation, witness, latest.get(), last == null ? 0 : last.size(), timed);
            }
        }
    }

    /** What the log knows of each witness of the organisation's policy. */
    public List<WitnessStatus> statuses(OrganisationId organisation) {
        Map<String, WitnessStatus> known = statuses.getOrDefault(organisation, Map.of());
        Map<String, LogCosignatures.Cosigned> newest = cosignatures.newestByWitness(organisation);
        return policies.find(organisation).map(WitnessPolicy::witnesses).orElse(List.of()).stream()
                .map(w -> {
                    WitnessStatus status = known.get(w.label());
                    LogCosignatures.Cosigned last = newest.get(w.label());
                    return new WitnessStatus(
                            w.label(),
                            w.url().map(URI::toString).orElse(""),
                            last == null ? 0 : last.size(),
                            last == null ? null : last.at(),
                            status == null ? null : status.attemptedAt(),
                            status == null ? null : status.error());
                })
                .toList();
    }

    private void submit(
            OrganisationId organisation,
            WitnessPolicy.Witness witness,
            LogCheckpoints.Published checkpoint,
            long oldSize,
            boolean timed) {
        Instant attempted = clock.instant();
        String error = null;
        try {
            for (int round = 0; round < 2; round++) {
                WitnessEndpoint.Answer answer = post(organisation, witness, checkpoint, oldSize);
                if (answer.status() == 200) {
                    keep(organisation, witness, checkpoint, answer.body(), timed);
                    break;
                }
                if (answer.status() == 409 && answer.body().strip().matches("[0-9]{1,19}")) {
                    long known = Long.parseLong(answer.body().strip());
                    if (known > checkpoint.size()) {
                        throw integrity.halt(
                                organisation,
                                "witness " + witness.label() + " has cosigned a tree of " + known
                                        + " entries but this log's latest checkpoint has " + checkpoint.size()
                                        + ": the log was rolled back");
                    }
                    if (known != oldSize) {
                        oldSize = known;
                        continue;
                    }
                }
                error = "answered " + answer.status() + ": " + abbreviate(answer.body());
                break;
            }
        } catch (IOException e) {
            error = "unreachable: "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        if (error != null) {
            meters.counter("serviceproof.witness.failures", "witness", witness.label())
                    .increment();
            log.warn(
                    "Witness {} did not cosign checkpoint {} of {}: {}",
                    witness.label(),
                    checkpoint.size(),
                    organisation,
                    error);
        }
        statuses.computeIfAbsent(organisation, o -> new ConcurrentHashMap<>())
                .put(witness.label(), new WitnessStatus(witness.label(), "", 0, null, attempted, error));
    }

    private WitnessEndpoint.Answer post(
            OrganisationId organisation,
            WitnessPolicy.Witness witness,
            LogCheckpoints.Published checkpoint,
            long oldSize)
            throws IOException, InterruptedException {
        List<byte[]> proof = oldSize == 0 || oldSize == checkpoint.size()
                ? List.of()
                : new ProofBuilder(treeNodes.reader(logIds.of(organisation))).consistency(oldSize, checkpoint.size());
        AddCheckpointRequest request;
        try {
            request = new AddCheckpointRequest(oldSize, proof, SignedNote.parse(checkpoint.note()));
        } catch (MalformedNoteException e) {
            throw new IllegalStateException("a stored checkpoint is not a valid note", e);
        }
        return endpoint.addCheckpoint(witness.url().orElseThrow(), request);
    }

    /** Keeps the witness's cosignature lines that verify under its key; anything else is ignored. */
    private void keep(
            OrganisationId organisation,
            WitnessPolicy.Witness witness,
            LogCheckpoints.Published checkpoint,
            String body,
            boolean timed)
            throws IOException {
        SignedNote note;
        try {
            note = SignedNote.parse(
                    checkpoint.note().getBytes(StandardCharsets.UTF_8).length == 0
                            ? ""
                            : withLines(checkpoint.note(), body));
        } catch (MalformedNoteException e) {
            throw new IOException("the witness answered lines that are not signature lines: " + e.getMessage());
        }
        Checkpoint parsed;
        try {
            parsed = Checkpoint.parse(note.text());
        } catch (MalformedNoteException e) {
            throw new IllegalStateException(e);
        }
        for (NoteSignature signature : note.signatures()) {
            OptionalLong at = witness.key().verify(note.text(), signature);
            if (at.isPresent()) {
                cosignatures.save(
                        organisation,
                        new LogCosignatures.Cosigned(
                                parsed.size(),
                                witness.label(),
                                signature.line(),
                                Instant.ofEpochSecond(at.getAsLong())));
                if (timed) {
                    submissions.record(Duration.between(checkpoint.publishedAt(), clock.instant()));
                }
                return;
            }
        }
        throw new IOException("the witness answered no cosignature that verifies under its key in the policy");
    }

    private static String withLines(String note, String lines) {
        return note + (lines.endsWith("\n") ? lines : lines + "\n");
    }

    private static String abbreviate(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
