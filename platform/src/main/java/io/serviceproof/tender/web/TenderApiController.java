package io.serviceproof.tender.web;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.tender.Answer;
import io.serviceproof.tender.AnswerDraft;
import io.serviceproof.tender.PastClause;
import io.serviceproof.tender.Suggestion;
import io.serviceproof.tender.Tender;
import io.serviceproof.tender.TenderClause;
import io.serviceproof.tender.TenderExports;
import io.serviceproof.tender.Tenders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Tender compliance matrices: import a buyer's list, read suggestions, confirm answers, export. */
@RestController
@Tag(name = "Tenders", description = "Answer a buyer's requirement list clause by clause from what you hold")
class TenderApiController {

    private final Tenders tenders;
    private final TenderExports exports;
    private final io.serviceproof.tender.TenderAnnex annex;

    TenderApiController(Tenders tenders, TenderExports exports, io.serviceproof.tender.TenderAnnex annex) {
        this.tenders = tenders;
        this.exports = exports;
        this.annex = annex;
    }

    /** A tender as the API shows it: matching progress, and how far it is answered. */
    record TenderResponse(
            String id,
            String title,
            String buyer,
            String offeringId,
            String language,
            String sourceName,
            String sourceFormat,
            String sourceSha256,
            String status,
            int percent,
            int clauses,
            int matched,
            String failure,
            String createdBy,
            Instant createdAt) {

        static TenderResponse of(Tender t) {
            return new TenderResponse(
                    t.id(),
                    t.title(),
                    t.buyer(),
                    t.offeringId(),
                    t.language(),
                    t.sourceName(),
                    t.sourceFormat().token(),
                    t.sourceSha256(),
                    t.status().token(),
                    t.percent(),
                    t.clauseCount(),
                    t.matched(),
                    t.failure(),
                    t.createdBy(),
                    t.createdAt());
        }
    }

    /** One tender with its answer counts and the digest of its matrix as it stands. */
    record TenderDetail(TenderResponse tender, int answered, int gaps, String matrixSha256) {}

    record ClauseResponse(
            String id,
            int position,
            String sheet,
            int row,
            String number,
            String text,
            String language,
            List<Suggestion> suggestions,
            String answer,
            List<String> chosen,
            String references,
            String remarks,
            List<String> flags,
            String answeredBy,
            Instant answeredAt,
            String actionId,
            String actionAssessmentId) {

        static ClauseResponse of(TenderClause c) {
            return new ClauseResponse(
                    c.id(),
                    c.position(),
                    c.sheet(),
                    c.row() + 1,
                    c.number(),
                    c.text(),
                    c.language(),
                    c.suggestions(),
                    c.answer() == null ? null : c.answer().token(),
                    c.chosen(),
                    c.references(),
                    c.remarks(),
                    c.flags(),
                    c.answeredBy(),
                    c.answeredAt(),
                    c.actionId(),
                    c.actionAssessmentId());
        }
    }

    @Operation(
            summary = "Import a buyer's requirement list: an XLSX or CSV file, or pasted text (one clause per line)",
            description = "Answered 202 once the list is read and kept; its clauses are then matched in the background"
                    + " (poll the Location). Columns are recognised from their titles in English, Vietnamese, Chinese"
                    + " and Thai; a list that cannot be read is refused whole with where and why (422).")
    @PostMapping(value = "/api/v1/tenders", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TenderResponse> importList(
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String text,
            @RequestParam String title,
            @RequestParam(required = false) String buyer,
            @RequestParam(required = false) String offeringId) {
        Tender tender = tenders.importList(TenderRequests.of(title, buyer, offeringId, file, text));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/tenders/" + tender.id()))
                .body(TenderResponse.of(tender));
    }

    @Operation(summary = "The organisation's tenders, newest first")
    @GetMapping("/api/v1/tenders")
    List<TenderResponse> list() {
        return tenders.tenders().stream().map(TenderResponse::of).toList();
    }

    @Operation(summary = "One tender: matching progress, answers and gaps counted, and its matrix digest")
    @GetMapping("/api/v1/tenders/{id}")
    TenderDetail one(@PathVariable String id) {
        Tender tender = tenders.tender(id);
        List<TenderClause> clauses = tenders.clauses(id);
        return new TenderDetail(
                TenderResponse.of(tender),
                (int) clauses.stream().filter(TenderClause::answered).count(),
                (int) clauses.stream().filter(TenderClause::gap).count(),
                exports.digest(id));
    }

    @Operation(summary = "The tender's clauses in the buyer's order, with suggestions (and their reasons) and answers")
    @GetMapping("/api/v1/tenders/{id}/clauses")
    List<ClauseResponse> clauses(@PathVariable String id) {
        return tenders.clauses(id).stream().map(ClauseResponse::of).toList();
    }

    /** What the person confirms: suggestion keys ("kind:target") and, optionally, a different answer. */
    record AnswerBody(List<String> chosen, String answer, String remarks) {}

    @Operation(
            summary = "Confirm a clause's answer",
            description = "chosen names suggestions of the clause (kind:target). Without an answer the draft's is"
                    + " taken: comply when every pick stands, partial when one is flagged, not-comply with no pick.")
    @PutMapping("/api/v1/tenders/{id}/clauses/{clauseId}/answer")
    ClauseResponse answer(@PathVariable String id, @PathVariable String clauseId, @RequestBody AnswerBody body) {
        Answer answer = null;
        if (body.answer() != null && !body.answer().isBlank()) {
            answer = Answer.parse(body.answer());
            if (answer == null) {
                throw new InvalidInputException("answer", "comply, partial, not-comply or not-applicable");
            }
        }
        return ClauseResponse.of(
                tenders.answer(id, clauseId, new Tenders.AnswerRequest(body.chosen(), answer, body.remarks())));
    }

    @Operation(summary = "What the answer would be from these picks, without saving")
    @PostMapping("/api/v1/tenders/{id}/clauses/{clauseId}/draft")
    AnswerDraft draft(@PathVariable String id, @PathVariable String clauseId, @RequestBody AnswerBody body) {
        return tenders.draft(id, clauseId, body.chosen() == null ? List.of() : body.chosen());
    }

    @Operation(summary = "Take a clause's answer back")
    @DeleteMapping("/api/v1/tenders/{id}/clauses/{clauseId}/answer")
    ClauseResponse clear(@PathVariable String id, @PathVariable String clauseId) {
        return ClauseResponse.of(tenders.clearAnswer(id, clauseId));
    }

    /** Which assessment's action plan takes a gap, by when, and who owns it (optional). */
    record ActionBody(String assessmentId, java.time.LocalDate dueDate, String ownerId) {}

    @Operation(
            summary = "Put a gap clause on an assessment's action plan",
            description = "For a clause nothing matches, or answered not-comply or partial. The step names the tender"
                    + " and clause; 409 if the clause already has one.")
    @PostMapping("/api/v1/tenders/{id}/clauses/{clauseId}/action")
    ResponseEntity<ClauseResponse> planAction(
            @PathVariable String id, @PathVariable String clauseId, @RequestBody ActionBody body) {
        return ResponseEntity.status(201)
                .body(ClauseResponse.of(
                        tenders.planAction(id, clauseId, body.assessmentId(), body.dueDate(), body.ownerId())));
    }

    @Operation(summary = "Match the clauses again (after new evidence, say); confirmed answers stay")
    @PostMapping("/api/v1/tenders/{id}/rematch")
    ResponseEntity<TenderResponse> rematch(@PathVariable String id) {
        return ResponseEntity.accepted().body(TenderResponse.of(tenders.rematch(id)));
    }

    @Operation(summary = "The buyer's file with answer, reference and remarks columns filled (XLSX or CSV)")
    @GetMapping("/api/v1/tenders/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id) {
        return TenderDownloads.attachment(exports.filled(id));
    }

    @Operation(summary = "matrix.json: RFC 8785 canonical record of every clause and answer; its SHA-256 is the digest")
    @GetMapping("/api/v1/tenders/{id}/matrix.json")
    ResponseEntity<byte[]> matrix(@PathVariable String id) {
        return TenderDownloads.attachment(exports.matrixJson(id));
    }

    @Operation(summary = "The PDF annex: a summary in English, Chinese and the tender's language, then every answer")
    @GetMapping("/api/v1/tenders/{id}/annex.pdf")
    ResponseEntity<byte[]> annex(@PathVariable String id) {
        return TenderDownloads.attachment(annex.pdf(id));
    }

    record SuggestBody(List<String> texts) {}

    @Operation(summary = "Suggestions for clauses not in a tender (up to 100), against what the organisation holds now")
    @PostMapping("/api/v1/tender-suggestions")
    List<List<Suggestion>> suggest(@RequestBody SuggestBody body) {
        return tenders.suggest(body.texts() == null ? List.of() : body.texts());
    }

    @Operation(summary = "Clauses of earlier tenders containing the words, with their answers")
    @GetMapping("/api/v1/tender-clauses")
    List<PastClause> search(@RequestParam String q) {
        return tenders.search(q);
    }
}
