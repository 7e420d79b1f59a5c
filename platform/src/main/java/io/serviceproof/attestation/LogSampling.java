package io.serviceproof.attestation;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.LogReader;
import io.serviceproof.verifier.checkpoint.CheckpointVerifier;
import io.serviceproof.verifier.checkpoint.TlogProof;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Remote audit of service delivery: the body picks entries of the exporter's log (an SLA event, an
 * evidence registration, a publication) and checks each one's inclusion proof itself, with our
 * verification core, against the log key pinned in the snapshot at invitation, not against a key the
 * server offers now. The answer carries the entry and the proof, so the body can check again offline
 * ({@code serviceproof-verify proof}).
 */
@Service
public class LogSampling {

    private final Engagements engagements;
    private final FindingRows rows;
    private final LogReader log;
    private final Clock clock;

    LogSampling(Engagements engagements, FindingRows rows, LogReader log, Clock clock) {
        this.engagements = engagements;
        this.rows = rows;
        this.log = log;
        this.clock = clock;
    }

    public List<LogSample> samples(String engagementId) {
        engagements.find(engagementId);
        return rows.samples(engagementId);
    }

    public LogSample sample(String engagementId, long index) {
        Engagement engagement = engagements.find(engagementId);
        engagements.requireSide(engagement, Engagements.Side.BODY);
        engagements.requireOpen(engagement);
        if (index < 0) {
            throw new InvalidInputException("index", "an entry index, 0 or more");
        }
        long size = log.latestCheckpoint(engagement.exporterId()).size();
        byte[] entry;
        byte[] proof;
        try {
            entry = log.entry(engagement.exporterId(), index);
            proof = log.tlogProofCovering(engagement.exporterId(), index);
        } catch (io.serviceproof.common.NotFoundException e) {
            throw new InvalidInputException("index", "the log has " + size + " entries (0 to " + (size - 1) + ")");
        }
        String pinnedKey = engagements
                .snapshotTree(engagement)
                .path("log")
                .path("verifierKey")
                .asString();
        boolean verified;
        String outcome;
        try {
            var checkpoint = CheckpointVerifier.verifyProof(
                    TlogProof.parse(proof), Rfc9162.leafHash(entry), VerifierKey.parse(pinnedKey));
            verified = true;
            outcome = "included at " + index + " in the tree of " + checkpoint.size() + " signed by the pinned key";
        } catch (Exception e) {
            verified = false;
            outcome = "NOT VERIFIED: " + e.getMessage();
        }
        engagements.recordAccess(
                engagement, io.serviceproof.common.Phrase.of("trail.detail.accessed.log-entry", index));
        LogSample sample = new LogSample(
                UUID.randomUUID().toString(),
                engagementId,
                index,
                verified,
                outcome,
                Tenancy.actor().name(),
                clock.instant(),
                new String(entry, StandardCharsets.UTF_8),
                new String(proof, StandardCharsets.UTF_8));
        rows.insertSample(sample);
        return sample;
    }
}
