package io.serviceproof.dossier.web;

import io.serviceproof.common.ConflictException;
import io.serviceproof.dossier.DossierJobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dossier builds started with POST /api/v1/credentials/{id}/dossiers: progress, then the zip. */
@Tag(name = "Credentials")
@RestController
@RequestMapping("/api/v1/dossier-builds")
class DossierBuildApiController {

    private final DossierJobs jobs;

    DossierBuildApiController(DossierJobs jobs) {
        this.jobs = jobs;
    }

    @Operation(summary = "A dossier build's progress: state, step of steps, what it is doing")
    @GetMapping("/{id}")
    CredentialApiController.Build get(@PathVariable String id) {
        return CredentialApiController.Build.of(jobs.job(id));
    }

    @Operation(summary = "The built dossier (409 while it is still being built)")
    @GetMapping(value = "/{id}/file", produces = "application/zip")
    ResponseEntity<byte[]> file(@PathVariable String id) {
        DossierJobs.Job job = jobs.job(id);
        if (job.state() != DossierJobs.State.DONE) {
            throw new ConflictException("The dossier is " + job.state().name().toLowerCase(java.util.Locale.ROOT)
                    + " (step " + job.step() + " of " + job.steps() + "): " + job.doing());
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header("Content-Disposition", "attachment; filename=\"dossier-" + job.credentialId() + ".zip\"")
                .body(jobs.file(job));
    }
}
