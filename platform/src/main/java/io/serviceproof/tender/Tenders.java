package io.serviceproof.tender;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.PayloadTooLargeException;
import io.serviceproof.common.blobs.BlobStore;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.services.Offerings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organisation's tenders: importing a buyer's list, its clauses with their suggestions, the
 * answers people confirm (remembered for the next tender asking the same), and the filled matrix.
 */
@Service
public class Tenders {

    /** The largest requirement list accepted, in bytes. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    /**
     * A list to import: a file ({@code filename} says its format) or pasted text.
     *
     * @param offeringId the offering the tender is for (optional)
     */
    public record NewTender(String title, String buyer, String offeringId, String filename, byte[] content) {}

    /** A person's answer: the suggestions it rests on, and the answer when it is not the draft's. */
    public record AnswerRequest(List<String> chosen, Answer answer, String remarks) {}

    private final TenderRows rows;
    private final TenderMatching matching;
    private final io.serviceproof.assessment.ActionPlans actionPlans;
    private final BlobStore blobs;
    private final Offerings offerings;
    private final UserActionTrail trail;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Tenders(
            TenderRows rows,
            TenderMatching matching,
            io.serviceproof.assessment.ActionPlans actionPlans,
            BlobStore blobs,
            Offerings offerings,
            UserActionTrail trail,
            TransactionTemplate transaction,
            Clock clock) {
        this.rows = rows;
        this.matching = matching;
        this.actionPlans = actionPlans;
        this.blobs = blobs;
        this.offerings = offerings;
        this.trail = trail;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Reads the list, keeps the file, records the tender and its clauses, and queues the matching.
     * A list that cannot be read is refused whole, and nothing is kept.
     */
    public Tender importList(NewTender request) {
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new InvalidInputException("title", "name the tender (up to 200 characters)");
        }
        if (request.content() == null || request.content().length == 0) {
            throw new InvalidInputException("file", "choose an XLSX or CSV file, or paste the clauses");
        }
        if (request.content().length > MAX_BYTES) {
            throw new PayloadTooLargeException("a requirement list of up to " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        if (request.buyer() != null && request.buyer().strip().length() > 200) {
            throw new InvalidInputException("buyer", "up to 200 characters");
        }
        String offeringId = blankToNull(request.offeringId());
        if (offeringId != null) {
            offerings.offering(offeringId);
        }
        TenderFormat format = TenderFormat.ofFilename(request.filename());
        RequirementList list = RequirementListReader.read(format, request.content());
        List<String> languages =
                list.clauses().stream().map(c -> ClauseLanguage.of(c.text())).toList();
        Actor actor = Tenancy.actor();
        String sha256 = keep(request.content());
        Tender tender = new Tender(
                UUID.randomUUID().toString(),
                title,
                blankToNull(request.buyer()),
                offeringId,
                ClauseLanguage.ofTender(languages),
                request.filename() == null || request.filename().isBlank()
                        ? "pasted text"
                        : request.filename().strip(),
                format,
                sha256,
                list.sheets(),
                list.clauses().size(),
                Tender.Status.QUEUED,
                0,
                null,
                actor.name(),
                clock.instant());
        transaction.executeWithoutResult(status -> {
            rows.insert(tender);
            for (int i = 0; i < list.clauses().size(); i++) {
                RequirementList.Listed c = list.clauses().get(i);
                rows.insertClause(
                        tender.id(),
                        TenderClause.listed(
                                UUID.randomUUID().toString(),
                                i + 1,
                                c.sheet(),
                                c.row(),
                                c.number(),
                                c.text(),
                                languages.get(i),
                                ClauseText.digest(c.text())));
            }
            trail.record(
                    "tender.imported",
                    "tender",
                    tender.id(),
                    title + ": " + tender.clauseCount() + " clauses from " + tender.sourceName());
        });
        matching.runSoon(tender.id());
        return tender;
    }

    private String keep(byte[] content) {
        try (BlobStore.Staged staged = blobs.stage(new ByteArrayInputStream(content), MAX_BYTES, "Tenders")) {
            blobs.keep(staged);
            return staged.sha256();
        }
    }

    public List<Tender> tenders() {
        return rows.all();
    }

    /** Per tender: how many of its clauses are answered. */
    public java.util.Map<String, Integer> answeredCounts() {
        return rows.answeredCounts();
    }

    public Tender tender(String id) {
        return rows.find(id).orElseThrow(() -> new NotFoundException("Tender", id));
    }

    public List<TenderClause> clauses(String tenderId) {
        tender(tenderId);
        return rows.clauses(tenderId);
    }

    public TenderClause clause(String tenderId, String clauseId) {
        tender(tenderId);
        return rows.clause(tenderId, clauseId).orElseThrow(() -> new NotFoundException("Clause", clauseId));
    }

    /** What the product would answer from these picks, without saving anything. */
    public AnswerDraft draft(String tenderId, String clauseId, List<String> chosen) {
        return AnswerDraft.of(picked(clause(tenderId, clauseId), chosen));
    }

    /**
     * Confirms a clause's answer: the picks must be among its suggestions; the answer is the draft's
     * unless the person says otherwise. Remembered for the next tender asking the same thing.
     */
    public TenderClause answer(String tenderId, String clauseId, AnswerRequest request) {
        TenderClause clause = clause(tenderId, clauseId);
        List<String> chosen = request.chosen() == null ? List.of() : request.chosen();
        List<Suggestion> picked = picked(clause, chosen);
        AnswerDraft draft = AnswerDraft.of(picked);
        Answer answer = request.answer() == null ? draft.answer() : request.answer();
        String remarks = blankToNull(request.remarks());
        if (remarks != null && remarks.length() > 2000) {
            throw new InvalidInputException("remarks", "up to 2,000 characters");
        }
        List<String> flags = new ArrayList<>(draft.flags());
        if ((answer == Answer.COMPLY || answer == Answer.PARTIAL) && picked.isEmpty()) {
            if (remarks == null) {
                throw new InvalidInputException(
                        "chosen", "pick what the answer rests on, or say in the remarks why it complies");
            }
            flags.add("answered on the person's word: nothing cited");
        }
        Actor actor = Tenancy.actor();
        TenderClause answered = clause.answeredAs(
                answer,
                picked.stream().map(Suggestion::key).toList(),
                draft.references(),
                remarks,
                answer == Answer.NOT_APPLICABLE ? List.of() : List.copyOf(flags),
                actor.name(),
                clock.instant());
        transaction.executeWithoutResult(status -> {
            rows.saveAnswer(answered);
            rows.remember(
                    new TenderRows.Remembered(
                            clause.textDigest(),
                            clause.text(),
                            answer,
                            answered.chosen(),
                            answered.references(),
                            remarks),
                    tenderId,
                    actor.name(),
                    clock.instant());
            trail.record(
                    "tender.answered",
                    "tender",
                    tenderId,
                    (clause.number() == null ? "#" + clause.position() : clause.number()) + ": " + answer.in("en"));
        });
        return answered;
    }

    /** Takes a clause's answer back: it is unanswered again (what was remembered stays). */
    public TenderClause clearAnswer(String tenderId, String clauseId) {
        TenderClause clause = clause(tenderId, clauseId);
        TenderClause cleared = clause.unanswered();
        transaction.executeWithoutResult(status -> {
            rows.saveAnswer(cleared);
            trail.record(
                    "tender.answer-cleared",
                    "tender",
                    tenderId,
                    clause.number() == null ? "#" + clause.position() : clause.number());
        });
        return cleared;
    }

    /**
     * Puts a gap on an assessment's action plan: a clause nothing answers, or one answered not
     * complied with or only partially. The step names the tender and clause; the clause keeps it.
     */
    public TenderClause planAction(
            String tenderId, String clauseId, String assessmentId, java.time.LocalDate dueDate, String ownerId) {
        Tender tender = tender(tenderId);
        TenderClause clause = clause(tenderId, clauseId);
        if (!clause.needsAction()) {
            throw new InvalidInputException(
                    "clauseId", "only a gap (nothing matches, not complied with, or partially) goes on an action plan");
        }
        if (clause.actionId() != null) {
            throw new io.serviceproof.common.ConflictException("this clause is already on an action plan");
        }
        if (assessmentId == null || assessmentId.isBlank()) {
            throw new InvalidInputException("assessmentId", "choose the assessment whose action plan takes it");
        }
        String number = clause.number() == null ? "#" + clause.position() : clause.number();
        String source = Knowledge.abbreviate("tender " + tender.title() + ", clause " + number, 300);
        String title = Knowledge.abbreviate("Answer tender clause " + number + ": " + clause.text(), 500);
        return transaction.execute(status -> {
            var action = actionPlans.addFor(assessmentId, source, title, ownerId, dueDate);
            rows.saveAction(clauseId, assessmentId, action.id());
            return clause(tenderId, clauseId);
        });
    }

    private static List<Suggestion> picked(TenderClause clause, List<String> chosen) {
        Map<String, Suggestion> offered = (clause.suggestions() == null ? List.<Suggestion>of() : clause.suggestions())
                .stream().collect(Collectors.toMap(Suggestion::key, Function.identity(), (a, b) -> a));
        List<Suggestion> picked = new ArrayList<>();
        for (String key : chosen) {
            Suggestion s = offered.get(key);
            if (s == null) {
                throw new InvalidInputException("chosen", "'" + key + "' is not a suggestion of this clause");
            }
            if (!picked.contains(s)) {
                picked.add(s);
            }
        }
        return picked;
    }

    /** Matches the tender's clauses again (after new evidence, say); confirmed answers stay. */
    public Tender rematch(String id) {
        Tender tender = tender(id);
        if (!tender.status().finished()) {
            return tender;
        }
        rows.requeue(id, clock.instant());
        matching.runSoon(id);
        return tender(id);
    }

    /** Suggestions for texts not in any tender, against what the organisation holds now. */
    public List<List<Suggestion>> suggest(List<String> texts) {
        if (texts.isEmpty() || texts.size() > 100) {
            throw new InvalidInputException("texts", "between 1 and 100 clauses");
        }
        for (String text : texts) {
            if (text == null || text.isBlank() || text.length() > RequirementListReader.MAX_CLAUSE_CHARS) {
                throw new InvalidInputException(
                        "texts",
                        "each clause is text of up to " + RequirementListReader.MAX_CLAUSE_CHARS + " characters");
            }
        }
        return matching.matchAll(texts);
    }

    /** Clauses of earlier tenders containing the words, with their answers. */
    public List<PastClause> search(String words) {
        if (words == null || words.strip().length() < 2) {
            return List.of();
        }
        return rows.search(words.strip(), 100);
    }

    /** The imported file, byte for byte. */
    InputStream source(Tender tender) {
        try {
            return blobs.open(tender.sourceSha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
