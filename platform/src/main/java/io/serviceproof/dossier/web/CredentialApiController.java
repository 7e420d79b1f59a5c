package io.serviceproof.dossier.web;

import io.serviceproof.dossier.Credential;
import io.serviceproof.dossier.Credentials;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's conformity credentials: issue from a signed-off assessment, read, revoke. */
@Tag(name = "Credentials", description = "Verifiable conformity credentials (W3C VC 2.0, UNTP DCC, eddsa-jcs-2022)")
@RestController
@RequestMapping("/api/v1/credentials")
class CredentialApiController {

    private final Credentials credentials;
    private final io.serviceproof.dossier.Dossiers dossiers;
    private final io.serviceproof.dossier.DossierJobs jobs;
    private final io.serviceproof.dossier.CredentialIssuance issuance;

    CredentialApiController(
            Credentials credentials,
            io.serviceproof.dossier.Dossiers dossiers,
            io.serviceproof.dossier.DossierJobs jobs,
            io.serviceproof.dossier.CredentialIssuance issuance) {
        this.credentials = credentials;
        this.issuance = issuance;
        this.dossiers = dossiers;
        this.jobs = jobs;
    }

    @Operation(
            summary = "The credential's conformity dossier (zip): credential, issuer key and revocation list, log"
                    + " proofs and checkpoint, OSCAL results, SLA reports, evidence files, report; signed manifest",
            description = "Verify it offline with serviceproof-verify dossier <zip>.")
    @GetMapping(value = "/{id}/dossier", produces = "application/zip")
    ResponseEntity<byte[]> dossier(@PathVariable String id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header("Content-Disposition", "attachment; filename=\"dossier-" + id + ".zip\"")
                .body(dossiers.build(id));
    }

    /** What the list shows of each credential; the credential itself is at its own URL. */
    record Summary(
            String id,
            String assessmentId,
            String offeringId,
            String market,
            String sha256,
            Instant issuedAt,
            String issuedBy,
            long ledgerIndex,
            boolean revoked,
            Instant revokedAt,
            String revocationReason) {

        static Summary of(Credential c) {
            return new Summary(
                    c.id(),
                    c.assessmentId(),
                    c.offeringId(),
                    c.market(),
                    c.sha256(),
                    c.issuedAt(),
                    c.issuedBy(),
                    c.ledgerIndex(),
                    c.revoked(),
                    c.revokedAt(),
                    c.revocationReason());
        }
    }

    @Operation(summary = "The organisation's credentials, newest first")
    @GetMapping
    List<Summary> list() {
        return credentials.credentials().stream().map(Summary::of).toList();
    }

    @Operation(
            summary = "One credential: the secured VC exactly as issued",
            description = "Verify it offline with serviceproof-verify credential <file> --did-document <did.json>.")
    @GetMapping(
            value = "/{id}",
            produces = {"application/vc+ld+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> get(@PathVariable String id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "inline; filename=\"credential-" + id + ".json\"")
                .body(credentials.credential(id).document());
    }

    /** A dossier build in the background, as clients poll it. */
    record Build(String id, String credentialId, String state, int step, int steps, int percent, String doing) {
        static Build of(io.serviceproof.dossier.DossierJobs.Job job) {
            return new Build(
                    job.id(),
                    job.credentialId(),
                    job.state().name(),
                    job.step(),
                    job.steps(),
                    job.percent(),
                    job.doing());
        }
    }

    @Operation(
            summary = "Start building the credential's dossier in the background",
            description = "Poll the Location for progress; its /file is the zip once the state is DONE.")
    @PostMapping("/{id}/dossiers")
    ResponseEntity<Build> startDossier(@PathVariable String id) {
        var job = jobs.start(id);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/dossier-builds/" + job.id()))
                .body(Build.of(job));
    }

    /**
     * @param belowReadinessReason required when the credential would attest non-conformance (or a
     *     readiness below the configured bar): why it is issued anyway; kept in the trail
     */
    record NewCredential(
            @NotBlank String assessmentId, @Size(max = 500) String belowReadinessReason) {}

    @Operation(
            summary = "Issue a credential for a signed-off assessment (logged with its digest)",
            description = "A credential that would attest non-conformance is refused (409) unless"
                    + " belowReadinessReason says why it is issued anyway.")
    @PostMapping
    ResponseEntity<Summary> issue(@Valid @RequestBody NewCredential request) {
        Credential issued = issuance.issue(request.assessmentId(), request.belowReadinessReason());
        return ResponseEntity.created(URI.create("/api/v1/credentials/" + issued.id()))
                .body(Summary.of(issued));
    }

    record Revocation(@NotBlank @Size(max = 500) String reason) {}

    @Operation(summary = "Revoke a credential: its bit in the published status list is set, and the act logged")
    @PostMapping("/{id}/revoke")
    Summary revoke(@PathVariable String id, @Valid @RequestBody Revocation request) {
        return Summary.of(credentials.revoke(id, request.reason().strip()));
    }
}
