package io.serviceproof.cli.witness;

import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.NoteSignature;
import io.serviceproof.verifier.note.NoteVerificationException;
import io.serviceproof.verifier.note.NoteVerifier;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tlog.ConsistencyProofs;
import io.serviceproof.verifier.tlog.ProofException;
import io.serviceproof.verifier.tlog.Rfc9162;
import io.serviceproof.verifier.witness.AddCheckpointRequest;
import io.serviceproof.verifier.witness.CosignerSigner;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The witness side of c2sp.org/tlog-witness {@code add-checkpoint}: cosigns a checkpoint of a log
 * it knows only when it is consistent with the latest checkpoint it cosigned for that origin, and
 * remembers it before answering. Checking and remembering happen under one lock, so two requests
 * can never roll the remembered size back.
 */
final class Witness {

    /** An HTTP answer: status, content type and body. */
    record Response(int status, String contentType, String body) {

        static Response text(int status, String message) {
            return new Response(status, "text/plain; charset=utf-8", message + "\n");
        }
    }

    private final CosignerSigner signer;
    private final Map<String, VerifierKey> logs;
    private final WitnessState state;
    private final Clock clock;

    Witness(CosignerSigner signer, List<VerifierKey> logs, WitnessState state, Clock clock) {
        this.signer = signer;
        this.logs = logs.stream().collect(Collectors.toMap(VerifierKey::name, Function.identity(), (a, b) -> a));
        this.state = state;
        this.clock = clock;
    }

    synchronized Response addCheckpoint(byte[] body) {
        AddCheckpointRequest request;
        Checkpoint checkpoint;
        try {
            request = AddCheckpointRequest.parse(body);
            checkpoint = Checkpoint.parse(request.checkpoint().text());
        } catch (MalformedNoteException e) {
            return Response.text(400, "malformed add-checkpoint request: " + e.getMessage());
        }
        VerifierKey logKey = logs.get(checkpoint.origin());
        if (logKey == null) {
            return Response.text(404, "this witness does not witness the log " + checkpoint.origin());
        }
        try {
            NoteVerifier.verify(request.checkpoint(), List.of(logKey));
        } catch (NoteVerificationException e) {
            return Response.text(403, "the checkpoint is not signed by the log's key: " + e.getMessage());
        }
        if (request.oldSize() > checkpoint.size()) {
            return Response.text(
                    400, "old size " + request.oldSize() + " exceeds the checkpoint size " + checkpoint.size());
        }
        Optional<Checkpoint> latest = state.latest(checkpoint.origin());
        long knownSize = latest.map(Checkpoint::size).orElse(0L);
        if (request.oldSize() != knownSize) {
            return new Response(409, "text/x.tlog.size", knownSize + "\n");
        }
        byte[] knownRoot = latest.map(Checkpoint::rootHash).orElse(Rfc9162.emptyRoot());
        if (request.oldSize() == checkpoint.size()) {
            if (!Arrays.equals(knownRoot, checkpoint.rootHash())) {
                return new Response(409, "text/x.tlog.size", knownSize + "\n");
            }
        } else if (request.oldSize() > 0) {
            try {
                ConsistencyProofs.verify(
                        request.oldSize(), checkpoint.size(), request.proof(), knownRoot, checkpoint.rootHash());
            } catch (ProofException e) {
                return Response.text(
                        422, "the consistency proof from " + request.oldSize() + " does not verify: " + e.getMessage());
            }
        }
        state.save(checkpoint.origin(), request.checkpoint());
        NoteSignature cosignature =
                signer.cosign(request.checkpoint().text(), clock.instant().getEpochSecond());
        return new Response(200, "text/plain; charset=utf-8", cosignature.line() + "\n");
    }
}
