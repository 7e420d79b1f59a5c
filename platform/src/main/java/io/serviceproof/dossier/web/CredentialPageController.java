package io.serviceproof.dossier.web;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.dossier.Credentials;
import io.serviceproof.dossier.DossierJobs;
import io.serviceproof.dossier.IssuerIdentity;
import io.serviceproof.identity.OrganisationDirectory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation's credentials: issue from a signed-off assessment, revoke, build dossiers. */
@Controller
class CredentialPageController {

    private final Credentials credentials;
    private final DossierJobs jobs;
    private final IssuerIdentity identity;
    private final OrganisationDirectory organisations;
    private final io.serviceproof.assessment.Assessments assessments;
    private final io.serviceproof.dossier.CredentialIssuance issuance;

    CredentialPageController(
            Credentials credentials,
            DossierJobs jobs,
            IssuerIdentity identity,
            OrganisationDirectory organisations,
            io.serviceproof.assessment.Assessments assessments,
            io.serviceproof.dossier.CredentialIssuance issuance) {
        this.issuance = issuance;
        this.credentials = credentials;
        this.jobs = jobs;
        this.identity = identity;
        this.organisations = organisations;
        this.assessments = assessments;
    }

    @GetMapping("/credentials")
    String list(Model model) {
        var organisation = organisations.current();
        var all = credentials.credentials();
        model.addAttribute("credentials", all);
        // What each attests, read from the document itself: a valid credential may say "not conformant".
        java.util.Map<String, io.serviceproof.verifier.credential.Claim> claims = new java.util.HashMap<>();
        for (var c : all) {
            io.serviceproof.verifier.credential.Claim.of(c.document().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .ifPresent(claim -> claims.put(c.id(), claim));
        }
        model.addAttribute("claims", claims);
        model.addAttribute("did", identity.did(organisation));
        model.addAttribute("slug", organisation.slug());
        return "dossier/credentials";
    }

    @PostMapping("/assessments/{id}/credential")
    String issue(
            @PathVariable String id,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String belowReadinessReason,
            RedirectAttributes redirect) {
        // Another organisation's assessment, or none: 404, like every foreign id.
        assessments.assessment(id);
        if (belowReadinessReason != null && belowReadinessReason.length() > 500) {
            redirect.addFlashAttribute("problem", "credentials.error.reason");
            return "redirect:/assessments/" + id;
        }
        try {
            issuance.issue(id, belowReadinessReason);
            redirect.addFlashAttribute("notice", "credentials.issued.done");
        } catch (io.serviceproof.dossier.Credentials.ConfirmationNeeded e) {
            // Shown on the assessment page with a field for the reason (see assessment/view).
            redirect.addFlashAttribute("confirmBelowReadiness", true);
            return "redirect:/assessments/" + id;
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("problem", "credentials.error.notSigned");
        }
        return "redirect:/credentials";
    }

    @PostMapping("/credentials/{id}/revoke")
    String revoke(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            redirect.addFlashAttribute("problem", "credentials.error.reason");
            credentials.credential(id);
            return "redirect:/credentials";
        }
        try {
            credentials.revoke(id, reason.strip());
            redirect.addFlashAttribute("notice", "credentials.revoked");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "credentials.error.revoked");
        }
        return "redirect:/credentials";
    }

    @PostMapping("/credentials/{id}/dossier")
    String buildDossier(@PathVariable String id) {
        return "redirect:/dossier-builds/" + jobs.start(id).id();
    }

    @GetMapping("/dossier-builds/{id}")
    String build(@PathVariable String id, Model model) {
        model.addAttribute("job", jobs.job(id));
        return "dossier/build";
    }

    /** The progress fragment the build page polls. */
    @GetMapping("/dossier-builds/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        model.addAttribute("job", jobs.job(id));
        return "dossier/build :: progress";
    }

    @GetMapping("/dossier-builds/{id}/file")
    @ResponseBody
    ResponseEntity<byte[]> file(@PathVariable String id) {
        DossierJobs.Job job = jobs.job(id);
        if (job.state() != DossierJobs.State.DONE) {
            throw new ConflictException("The dossier is not built yet");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header("Content-Disposition", "attachment; filename=\"dossier-" + job.credentialId() + ".zip\"")
                .body(jobs.file(job));
    }
}
