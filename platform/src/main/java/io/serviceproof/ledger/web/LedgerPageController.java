package io.serviceproof.ledger.web;

import io.serviceproof.common.web.Phrases;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.EntrySearch;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.ledger.LedgerEntry;
import io.serviceproof.ledger.LogIntegrity;
import io.serviceproof.ledger.LogReader;
import io.serviceproof.verifier.checkpoint.Checkpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation's log in the UI: its size, latest checkpoint, entries, and proof downloads. */
@Controller
class LedgerPageController {

    private final Phrases phrases;

    private static final int PAGE = 50;

    private final Ledger ledger;
    private final LogReader reader;
    private final OrganisationDirectory organisations;
    private final LogIntegrity integrity;
    private final io.serviceproof.ledger.Witnessing witnessing;
    private final Clock clock;

    LedgerPageController(
            Ledger ledger,
            LogReader reader,
            OrganisationDirectory organisations,
            LogIntegrity integrity,
            io.serviceproof.ledger.Witnessing witnessing,
            Clock clock,
            Phrases phrases) {
        this.phrases = phrases;
        this.witnessing = witnessing;
        this.integrity = integrity;
        this.ledger = ledger;
        this.reader = reader;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/ledger")
    String log(
            @RequestParam(required = false) String eventId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String serviceLayerId,
            @RequestParam(required = false) Long before,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        var organisation = organisations.current();
        Checkpoint checkpoint = reader.latestCheckpoint(organisation.id());
        EntrySearch search = new EntrySearch(
                eventId, type, serviceLayerId, before == null || before < 0 ? Long.MAX_VALUE : before, PAGE);
        var entries = ledger.search(search);
        model.addAttribute("organisation", organisation);
        model.addAttribute("halt", integrity.halt(organisation.id()).orElse(null));
        model.addAttribute("witnessPolicy", witnessing.policy(organisation.id()).orElse(null));
        model.addAttribute("witnesses", witnessing.witnesses(organisation.id()));
        model.addAttribute(
                "waitingSeconds",
                witnessing
                        .waitingForQuorum(organisation.id())
                        .map(java.time.Duration::toSeconds)
                        .orElse(null));
        model.addAttribute("size", ledger.size());
        model.addAttribute("checkpoint", checkpoint);
        model.addAttribute("rootHash", Base64.getEncoder().encodeToString(checkpoint.rootHash()));
        model.addAttribute("checkpointNote", reader.checkpoint(organisation.id()));
        model.addAttribute(
                "checkpointAgeSeconds", checkpointAge(organisation.id()).toSeconds());
        model.addAttribute("verifierKey", reader.verifierKey(organisation.id()));
        model.addAttribute("entries", entries);
        model.addAttribute("search", search);
        model.addAttribute(
                "nextBefore",
                entries.size() == PAGE ? entries.get(entries.size() - 1).index() : null);
        return htmx != null ? "ledger/log :: entries" : "ledger/log";
    }

    /** The owner sets the witness policy; a mistake is shown on the page with the draft kept. */
    @org.springframework.web.bind.annotation.PostMapping("/ledger/witness-policy")
    String setWitnessPolicy(@RequestParam String policy, Model model) {
        try {
            witnessing.setPolicy(Tenancy.organisationId(), policy);
            return "redirect:/ledger#witnesses";
        } catch (io.serviceproof.common.InvalidInputException e) {
            model.addAttribute("policyError", phrases.problem(e, LocaleContextHolder.getLocale()));
            model.addAttribute("policyDraft", policy);
            return log(null, null, null, null, null, model);
        }
    }

    @GetMapping("/ledger/entries/{index}")
    String entry(@PathVariable long index, Model model) {
        LedgerEntry entry = ledger.entry(index);
        model.addAttribute("entry", entry);
        model.addAttribute("leafHash", Base64.getEncoder().encodeToString(entry.leafHash()));
        model.addAttribute(
                "inCheckpoint",
                index < reader.latestCheckpoint(Tenancy.organisationId()).size());
        return "ledger/entry";
    }

    @GetMapping("/ledger/entries/{index}/tlog-proof")
    ResponseEntity<byte[]> proof(@PathVariable long index) {
        return TlogProofDownload.of(index, reader.tlogProof(Tenancy.organisationId(), index));
    }

    private Duration checkpointAge(io.serviceproof.identity.OrganisationId organisation) {
        return Duration.between(reader.publishedAt(organisation), clock.instant());
    }
}
