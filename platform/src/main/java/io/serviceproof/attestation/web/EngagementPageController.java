package io.serviceproof.attestation.web;

import io.serviceproof.attestation.Attestations;
import io.serviceproof.attestation.BodyKind;
import io.serviceproof.attestation.ConformityBodies;
import io.serviceproof.attestation.Engagement;
import io.serviceproof.attestation.Engagements;
import io.serviceproof.attestation.Finding;
import io.serviceproof.attestation.Findings;
import io.serviceproof.attestation.LogSample;
import io.serviceproof.attestation.LogSampling;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.web.Phrases;
import io.serviceproof.dossier.Credentials;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engagement pages, for both parties: the list with the invitation form; one engagement, where
 * the body reviews the snapshot, raises findings, samples the log and attests, and the exporter
 * answers findings and ends access. A refused form says why and changes nothing.
 */
@Controller
class EngagementPageController {

    private final Phrases phrases;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Engagements engagements;
    private final Findings findings;
    private final LogSampling sampling;
    private final Attestations attestations;
    private final ConformityBodies bodies;
    private final Credentials credentials;

    EngagementPageController(
            Engagements engagements,
            Findings findings,
            LogSampling sampling,
            Attestations attestations,
            ConformityBodies bodies,
            Credentials credentials,
            Phrases phrases) {
        this.phrases = phrases;
        this.engagements = engagements;
        this.findings = findings;
        this.sampling = sampling;
        this.attestations = attestations;
        this.bodies = bodies;
        this.credentials = credentials;
    }

    @GetMapping("/engagements")
    String list(Model model) {
        model.addAttribute("engagements", engagements.engagements());
        model.addAttribute("self", bodies.current().orElse(null));
        model.addAttribute(
                "ownCredentials",
                credentials.credentials().stream()
                        .filter(c -> !c.thirdParty() && !c.revoked())
                        .toList());
        model.addAttribute("kinds", BodyKind.values());
        model.addAttribute("maxDays", Engagements.MAX_DAYS);
        return "engagements/index";
    }

    @PostMapping("/engagements")
    String invite(
            @RequestParam(defaultValue = "") String credentialId,
            @RequestParam(defaultValue = "") String bodySlug,
            @RequestParam(required = false) Integer days,
            @RequestParam(defaultValue = "") String framework,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String witnessName,
            RedirectAttributes redirect) {
        try {
            Engagement engagement = engagements.invite(new Engagements.Invitation(
                    credentialId,
                    bodySlug,
                    days,
                    framework,
                    kind.isBlank() ? null : BodyKind.fromToken(kind),
                    witnessName));
            redirect.addFlashAttribute("notice", "engagement.invited");
            return "redirect:/engagements/" + engagement.id();
        } catch (InvalidInputException | ConflictException e) {
            refused(redirect, phrases.problem(e, LocaleContextHolder.getLocale()));
            return "redirect:/engagements#invite";
        }
    }

    @GetMapping("/engagements/{id}")
    String engagement(@PathVariable String id, Model model) {
        Engagements.EngagementView view = engagements.engagement(id);
        model.addAttribute("view", view);
        model.addAttribute("e", view.engagement());
        List<Finding> all = findings.findings(id);
        model.addAttribute("findings", all);
        model.addAttribute("samples", sampling.samples(id));
        model.addAttribute(
                "blocking", all.stream().filter(Finding::blocksAttestation).count());
        model.addAttribute("grades", Finding.Grade.values());
        if (view.side() == Engagements.Side.BODY && view.engagement().attested()) {
            model.addAttribute(
                    "attestation", credentials.credential(view.engagement().attestationId()));
        }
        boolean bodyReads = view.side() == Engagements.Side.BODY && view.bodyMayRead();
        if (bodyReads || view.side() == Engagements.Side.EXPORTER) {
            // The body's page view is itself a read of the snapshot, recorded with the exporter.
            JsonNode snapshot = JSON.readTree(engagements.snapshot(id));
            model.addAttribute("snapshot", snapshot);
            model.addAttribute(
                    "logSize",
                    checkpointSize(snapshot.path("log").path("checkpoint").asString()));
        }
        return "engagements/engagement";
    }

    @GetMapping("/engagements/{id}/snapshot.json")
    ResponseEntity<String> snapshot(@PathVariable String id) {
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(engagements.snapshot(id));
    }

    @GetMapping("/engagements/{id}/evidence/{itemId}")
    ResponseEntity<Resource> evidence(@PathVariable String id, @PathVariable String itemId) {
        return EngagementDownloads.of(engagements.evidence(id, itemId));
    }

    @PostMapping("/engagements/{id}/end")
    String end(@PathVariable String id, RedirectAttributes redirect) {
        return attempt(id, redirect, "engagement.ended", () -> engagements.end(id));
    }

    @PostMapping("/engagements/{id}/findings")
    String raise(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String requirementId,
            @RequestParam(defaultValue = "") String grade,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String evidenceItemId,
            RedirectAttributes redirect) {
        return attempt(
                id,
                redirect,
                "engagement.finding.raised",
                () -> findings.raise(
                        id,
                        new Findings.NewFinding(
                                requirementId,
                                grade.isBlank() ? null : Finding.Grade.fromToken(grade),
                                reason,
                                evidenceItemId)));
    }

    @PostMapping("/engagements/{id}/findings/{findingId}/answer")
    String answer(
            @PathVariable String id,
            @PathVariable String findingId,
            @RequestParam(defaultValue = "") String answer,
            RedirectAttributes redirect) {
        return attempt(id, redirect, "engagement.finding.answered", () -> findings.answer(id, findingId, answer));
    }

    @PostMapping("/engagements/{id}/findings/{findingId}/close")
    String close(@PathVariable String id, @PathVariable String findingId, RedirectAttributes redirect) {
        return attempt(id, redirect, "engagement.finding.closed", () -> findings.decide(id, findingId, true));
    }

    @PostMapping("/engagements/{id}/findings/{findingId}/keep")
    String keep(@PathVariable String id, @PathVariable String findingId, RedirectAttributes redirect) {
        return attempt(id, redirect, "engagement.finding.kept", () -> findings.decide(id, findingId, false));
    }

    @PostMapping("/engagements/{id}/samples")
    String sample(@PathVariable String id, @RequestParam(required = false) Long index, RedirectAttributes redirect) {
        try {
            if (index == null) {
                throw new InvalidInputException("index", "an entry index, 0 or more");
            }
            LogSample sample = sampling.sample(id, index);
            redirect.addFlashAttribute(
                    "notice", sample.verified() ? "engagement.sample.verified" : "engagement.sample.failed");
            redirect.addFlashAttribute("sample", sample);
        } catch (InvalidInputException | ConflictException e) {
            refused(redirect, phrases.problem(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/engagements/" + id + "#samples";
    }

    @PostMapping("/engagements/{id}/attestation")
    String attest(@PathVariable String id, RedirectAttributes redirect) {
        return attempt(id, redirect, "engagement.attested", () -> attestations.attest(id));
    }

    @PostMapping("/engagements/{id}/attestation/withdraw")
    String withdraw(
            @PathVariable String id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return attempt(id, redirect, "engagement.withdrawn", () -> {
            if (reason.isBlank() || reason.length() > 500) {
                throw new InvalidInputException("reason", "say why (up to 500 characters)");
            }
            return attestations.withdraw(id, reason.strip());
        });
    }

    @PostMapping("/engagements/{id}/attestation/suspend")
    String suspend(
            @PathVariable String id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return attempt(id, redirect, "engagement.suspended", () -> {
            if (reason.isBlank() || reason.length() > 500) {
                throw new InvalidInputException("reason", "say why (up to 500 characters)");
            }
            return attestations.suspend(id, reason.strip());
        });
    }

    @PostMapping("/engagements/{id}/attestation/reinstate")
    String reinstate(@PathVariable String id, RedirectAttributes redirect) {
        return attempt(id, redirect, "engagement.reinstated", () -> attestations.reinstate(id));
    }

    private String attempt(String id, RedirectAttributes redirect, String notice, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException | ConflictException e) {
            refused(redirect, phrases.problem(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/engagements/" + id;
    }

    static void refused(RedirectAttributes redirect, String detail) {
        redirect.addFlashAttribute("problem", "engagement.refused");
        redirect.addFlashAttribute("detail", detail);
    }

    private static long checkpointSize(String checkpoint) {
        String[] lines = checkpoint.split("\n");
        try {
            return lines.length > 1 ? Long.parseLong(lines[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
