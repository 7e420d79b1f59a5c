package io.serviceproof.ledger.web;

import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.Appended;
import io.serviceproof.ledger.ConsistencyProof;
import io.serviceproof.ledger.EntryJson;
import io.serviceproof.ledger.EntrySearch;
import io.serviceproof.ledger.InclusionProof;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.ledger.LedgerEntry;
import io.serviceproof.ledger.LogReader;
import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Ledger", description = "The organisation's verifiable service-delivery log")
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerApiController {

    private final Ledger ledger;
    private final LogReader reader;
    private final io.serviceproof.ledger.Witnessing witnessing;

    LedgerApiController(Ledger ledger, LogReader reader, io.serviceproof.ledger.Witnessing witnessing) {
        this.ledger = ledger;
        this.reader = reader;
        this.witnessing = witnessing;
    }

    @Operation(
            summary = "Set the log's witness policy (owner)",
            description = "The verifier's policy format (docs/formats.md \"Witness policy\"): witness lines with each "
                    + "witness's cosigner key and add-checkpoint URL, groups, and the quorum. The log line is added.")
    @PutMapping(value = "/witness-policy", produces = MediaType.TEXT_PLAIN_VALUE)
    String setWitnessPolicy(@RequestBody String policy) {
        return witnessing.setPolicy(io.serviceproof.identity.Tenancy.organisationId(), policy);
    }

    @Operation(summary = "The log's witness policy")
    @GetMapping(value = "/witness-policy", produces = MediaType.TEXT_PLAIN_VALUE)
    String witnessPolicy() {
        return witnessing
                .policy(io.serviceproof.identity.Tenancy.organisationId())
                .orElseThrow(() -> new io.serviceproof.common.NotFoundException("Witness policy", "of this log"));
    }

    @Operation(summary = "What the log knows of each witness: the size it last cosigned, when, and its last error")
    @GetMapping("/witnesses")
    List<io.serviceproof.ledger.WitnessCosigner.WitnessStatus> witnesses() {
        return witnessing.witnesses(io.serviceproof.identity.Tenancy.organisationId());
    }

    record AppendedResponse(String eventId, long index, String leafHash, boolean alreadyPresent) {
        static AppendedResponse of(Appended appended) {
            return new AppendedResponse(
                    appended.eventId(), appended.index(), b64(appended.leafHash()), appended.alreadyPresent());
        }
    }

    record BatchResponse(List<AppendedResponse> results) {}

    record EntryResponse(
            long index,
            String eventId,
            String type,
            String serviceLayerId,
            Instant occurredAt,
            Instant appendedAt,
            String leafHash,
            String entry) {
        static EntryResponse of(LedgerEntry e) {
            return new EntryResponse(
                    e.index(),
                    e.eventId(),
                    e.type(),
                    e.serviceLayerId(),
                    e.occurredAt(),
                    e.appendedAt(),
                    b64(e.leafHash()),
                    e.canonicalJson());
        }
    }

    record InclusionResponse(long index, long treeSize, String leafHash, List<String> proof, String checkpoint) {
        static InclusionResponse of(InclusionProof p) {
            return new InclusionResponse(
                    p.index(),
                    p.treeSize(),
                    b64(p.leafHash()),
                    p.hashes().stream().map(LedgerApiController::b64).toList(),
                    p.checkpoint());
        }
    }

    record ConsistencyResponse(long from, long to, List<String> proof) {}

    record CheckpointResponse(String origin, long size, String rootHash, String checkpoint, String verifierKey) {}

    @Operation(
            summary = "Append one event, or a batch {\"entries\": [...]} of up to 1,000",
            description =
                    "Idempotent on eventId: a retry returns the same index; the same eventId with different content is a 409. "
                            + "Acknowledged only after the entries are durably sequenced. See docs/formats.md for the entry schema.")
    @PostMapping(value = "/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> append(@RequestBody byte[] body) {
        EntryJson.Submission submission = EntryJson.parseRequest(body);
        List<Appended> appended = ledger.appendAll(submission.drafts());
        HttpStatus status = appended.stream().allMatch(Appended::alreadyPresent) ? HttpStatus.OK : HttpStatus.CREATED;
        List<AppendedResponse> results =
                appended.stream().map(AppendedResponse::of).toList();
        return ResponseEntity.status(status).body(submission.batch() ? new BatchResponse(results) : results.get(0));
    }

    @Operation(
            summary = "The event vocabulary: each known type's payload as JSON Schema",
            description = "Events of a known type whose payload breaks its schema are refused; other types are stored"
                    + " as given and ignored by SLA measurement.")
    @GetMapping("/event-types")
    Map<String, Map<String, Object>> eventTypes() {
        return io.serviceproof.ledger.EventVocabulary.jsonSchemas();
    }

    @Operation(summary = "Search entries, newest first")
    @GetMapping("/entries")
    List<EntryResponse> search(
            @RequestParam(required = false) String eventId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String serviceLayerId,
            @RequestParam(defaultValue = "" + Long.MAX_VALUE) @Min(0) long before,
            @RequestParam(defaultValue = "50") @Min(1) @Max(EntrySearch.MAX_LIMIT) int limit) {
        return ledger.search(new EntrySearch(eventId, type, serviceLayerId, before, limit)).stream()
                .map(EntryResponse::of)
                .toList();
    }

    @Operation(summary = "One entry, with its canonical JSON")
    @GetMapping("/entries/{index}")
    EntryResponse entry(@PathVariable @Min(0) long index) {
        return EntryResponse.of(ledger.entry(index));
    }

    @Operation(summary = "A C2SP tlog-proof file for one entry, verifiable offline with serviceproof-verify")
    @GetMapping(value = "/entries/{index}/tlog-proof", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<byte[]> tlogProof(@PathVariable @Min(0) long index) {
        return TlogProofDownload.of(index, reader.tlogProof(Tenancy.organisationId(), index));
    }

    @Operation(summary = "Inclusion proof of an entry (by index or eventId) in the latest checkpoint")
    @GetMapping("/proofs/inclusion")
    InclusionResponse inclusion(
            @RequestParam(required = false) Long index, @RequestParam(required = false) String eventId) {
        if ((index == null) == (eventId == null)) {
            throw new io.serviceproof.common.InvalidInputException("index", "give exactly one of index and eventId");
        }
        return InclusionResponse.of(
                index != null
                        ? reader.inclusion(Tenancy.organisationId(), index)
                        : reader.inclusion(Tenancy.organisationId(), eventId));
    }

    @Operation(summary = "Consistency proof between two tree sizes (up to the latest checkpoint)")
    @GetMapping("/proofs/consistency")
    ConsistencyResponse consistency(@RequestParam long from, @RequestParam long to) {
        ConsistencyProof proof = reader.consistency(Tenancy.organisationId(), from, to);
        return new ConsistencyResponse(
                proof.fromSize(),
                proof.toSize(),
                proof.hashes().stream().map(LedgerApiController::b64).toList());
    }

    @Operation(summary = "The latest checkpoint and the log's verifier key")
    @GetMapping("/checkpoint")
    CheckpointResponse checkpoint() {
        return checkpointResponse(reader.checkpoint(Tenancy.organisationId()));
    }

    @Operation(summary = "Publish a checkpoint at the current size now")
    @PostMapping("/checkpoints")
    ResponseEntity<CheckpointResponse> publish() {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(checkpointResponse(reader.publishNow(Tenancy.organisationId())));
    }

    private CheckpointResponse checkpointResponse(String note) {
        Checkpoint checkpoint = reader.latestCheckpoint(Tenancy.organisationId());
        return new CheckpointResponse(
                checkpoint.origin(),
                checkpoint.size(),
                b64(checkpoint.rootHash()),
                note,
                reader.verifierKey(Tenancy.organisationId()));
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
