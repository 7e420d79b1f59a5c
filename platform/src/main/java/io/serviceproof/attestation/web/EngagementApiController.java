package io.serviceproof.attestation.web;

import io.serviceproof.attestation.Attestations;
import io.serviceproof.attestation.BodyKind;
import io.serviceproof.attestation.Engagements;
import io.serviceproof.attestation.Finding;
import io.serviceproof.attestation.Findings;
import io.serviceproof.attestation.LogSample;
import io.serviceproof.attestation.LogSampling;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.dossier.Credential;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Engagements, findings, log samples and attestations, for the exporter and the body alike. */
@RestController
@RequestMapping("/api/v1/engagements")
@Tag(name = "Engagements", description = "Third-party assessment: invitation, review, remote audit, attestation")
class EngagementApiController {

    private final Engagements engagements;
    private final Findings findings;
    private final LogSampling sampling;
    private final Attestations attestations;

    EngagementApiController(
            Engagements engagements, Findings findings, LogSampling sampling, Attestations attestations) {
        this.engagements = engagements;
        this.findings = findings;
        this.sampling = sampling;
        this.attestations = attestations;
    }

    /** An engagement as the API shows it to either party. */
    record EngagementResponse(
            String id,
            String side,
            String exporter,
            String body,
            String credentialId,
            String assessmentId,
            String market,
            String framework,
            BodyKind kind,
            String witnessName,
            String status,
            Instant accessUntil,
            String snapshotSha256,
            String invitedBy,
            Instant invitedAt,
            Instant endedAt,
            String attestationId,
            String attestationUrl) {

        static EngagementResponse of(Engagements.EngagementView v) {
            var e = v.engagement();
            return new EngagementResponse(
                    e.id(),
                    v.side().name().toLowerCase(java.util.Locale.ROOT),
                    v.exporter().slug(),
                    v.body().slug(),
                    e.credentialId(),
                    e.assessmentId(),
                    e.market(),
                    e.framework(),
                    e.kind(),
                    e.witnessName(),
                    v.status().token(),
                    e.accessUntil(),
                    e.snapshotSha256(),
                    e.invitedBy(),
                    e.invitedAt(),
                    e.endedAt(),
                    e.attestationId(),
                    e.attestationId() == null
                            ? null
                            : "/orgs/" + v.body().slug() + "/credentials/" + e.attestationId());
        }
    }

    record EngagementDetail(EngagementResponse engagement, List<Finding> findings, List<LogSample> samples) {}

    record NewSample(Long index) {}

    record Answer(String answer) {}

    record Withdrawal(String reason) {}

    record AttestationResponse(String credentialId, String url, String sha256, String document) {}

    @Operation(summary = "Engagements the organisation is a party to, as exporter or as body")
    @GetMapping
    List<EngagementResponse> list() {
        return engagements.engagements().stream().map(EngagementResponse::of).toList();
    }

    @Operation(summary = "Invite a conformity-assessment body (by slug) to assess one of your credentials")
    @PostMapping
    ResponseEntity<EngagementResponse> invite(@RequestBody Engagements.Invitation invitation) {
        var engagement = engagements.invite(invitation);
        return ResponseEntity.created(URI.create("/api/v1/engagements/" + engagement.id()))
                .body(EngagementResponse.of(engagements.engagement(engagement.id())));
    }

    @Operation(summary = "One engagement with its findings and log samples")
    @GetMapping("/{id}")
    EngagementDetail engagement(@PathVariable String id) {
        return new EngagementDetail(
                EngagementResponse.of(engagements.engagement(id)), findings.findings(id), sampling.samples(id));
    }

    @Operation(summary = "The frozen snapshot (canonical JSON; its SHA-256 is snapshotSha256). A body's read is logged")
    @GetMapping(value = "/{id}/snapshot", produces = MediaType.APPLICATION_JSON_VALUE)
    String snapshot(@PathVariable String id) {
        return engagements.snapshot(id);
    }

    @Operation(summary = "An evidence file the snapshot lists (digest checked). A body's read is logged")
    @GetMapping("/{id}/evidence/{itemId}")
    ResponseEntity<Resource> evidence(@PathVariable String id, @PathVariable String itemId) {
        return EngagementDownloads.of(engagements.evidence(id, itemId));
    }

    @Operation(summary = "End the body's access now (exporter)")
    @PostMapping("/{id}/end")
    EngagementResponse end(@PathVariable String id) {
        return EngagementResponse.of(engagements.end(id));
    }

    @Operation(summary = "Accept a requirement's result, or raise a finding on it (body)")
    @PostMapping("/{id}/findings")
    ResponseEntity<Finding> raise(@PathVariable String id, @RequestBody Findings.NewFinding request) {
        Finding finding = findings.raise(id, request);
        return ResponseEntity.created(URI.create("/api/v1/engagements/" + id)).body(finding);
    }

    @Operation(summary = "Answer a finding (exporter)")
    @PostMapping("/{id}/findings/{findingId}/answer")
    Finding answer(@PathVariable String id, @PathVariable String findingId, @RequestBody Answer request) {
        return findings.answer(id, findingId, request.answer());
    }

    @Operation(summary = "Close a finding (body)")
    @PostMapping("/{id}/findings/{findingId}/close")
    Finding close(@PathVariable String id, @PathVariable String findingId) {
        return findings.decide(id, findingId, true);
    }

    @Operation(summary = "Keep an answered finding open (body)")
    @PostMapping("/{id}/findings/{findingId}/keep")
    Finding keep(@PathVariable String id, @PathVariable String findingId) {
        return findings.decide(id, findingId, false);
    }

    @Operation(summary = "Sample an entry of the exporter's log and check its inclusion proof (body)")
    @PostMapping("/{id}/samples")
    LogSample sample(@PathVariable String id, @RequestBody NewSample request) {
        if (request == null || request.index() == null) {
            throw new InvalidInputException("index", "an entry index, 0 or more");
        }
        return sampling.sample(id, request.index());
    }

    @Operation(summary = "Issue the body's credential concluding the engagement (body)")
    @PostMapping("/{id}/attestation")
    ResponseEntity<AttestationResponse> attest(@PathVariable String id) {
        Credential credential = attestations.attest(id);
        return ResponseEntity.created(URI.create("/api/v1/credentials/" + credential.id()))
                .body(response(credential));
    }

    @Operation(summary = "Withdraw the body's credential (body): every verifier sees it revoked")
    @PostMapping("/{id}/attestation/withdraw")
    AttestationResponse withdraw(@PathVariable String id, @RequestBody Withdrawal request) {
        String reason = request == null || request.reason() == null
                ? ""
                : request.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw new InvalidInputException("reason", "say why (up to 500 characters)");
        }
        return response(attestations.withdraw(id, reason));
    }

    @Operation(summary = "Suspend the body's credential (body): verifiers see it suspended until reinstated")
    @PostMapping("/{id}/attestation/suspend")
    AttestationResponse suspend(@PathVariable String id, @RequestBody Withdrawal request) {
        String reason = request == null || request.reason() == null
                ? ""
                : request.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw new InvalidInputException("reason", "say why (up to 500 characters)");
        }
        return response(attestations.suspend(id, reason));
    }

    @Operation(summary = "Lift the suspension of the body's credential (body)")
    @PostMapping("/{id}/attestation/reinstate")
    AttestationResponse reinstate(@PathVariable String id) {
        return response(attestations.reinstate(id));
    }

    private static AttestationResponse response(Credential credential) {
        return new AttestationResponse(
                credential.id(), "/api/v1/credentials/" + credential.id(), credential.sha256(), credential.document());
    }
}
