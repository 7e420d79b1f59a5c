package io.serviceproof.tender;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenders, tender_clauses and tender_answer_memory tables. Every read and write names the
 * organisation; a matching run is claimed with a conditional update (queued, or running with a stale
 * heartbeat) so on several nodes one runs each tender.
 */
@Repository
class TenderRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<SheetLayout>> LAYOUT = new TypeReference<>() {};
    private static final TypeReference<List<Suggestion>> SUGGESTIONS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    /** A confirmed answer remembered for the next tender asking the same thing. */
    record Remembered(
            String digest, String text, Answer answer, List<String> chosen, String reference, String remarks) {}

    private final JdbcClient jdbc;

    TenderRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String organisation() {
        return Tenancy.organisationId().toString();
    }

    void insert(Tender t) {
        jdbc.sql("""
                        INSERT INTO tenders (id, organisation_id, title, buyer, offering_id, language, source_name,
                            source_format, source_sha256, layout, clause_count, status, created_by, created_at,
                            updated_at)
                        VALUES (:id, :org, :title, :buyer, :offering, :language, :name, :format, :sha256, :layout,
                            :count, :status, :by, :at, :at)
                        """)
                .param("id", t.id())
                .param("org", organisation())
                .param("title", t.title())
                .param("buyer", t.buyer())
                .param("offering", t.offeringId())
                .param("language", t.language())
                .param("name", t.sourceName())
                .param("format", t.sourceFormat().name())
                .param("sha256", t.sourceSha256())
                .param("layout", JSON.writeValueAsString(t.layout()))
                .param("count", t.clauseCount())
                .param("status", t.status().name())
                .param("by", t.createdBy())
                .param("at", Timestamps.toMillis(t.createdAt()))
                .update();
    }

    void insertClause(String tenderId, TenderClause c) {
        jdbc.sql("""
                        INSERT INTO tender_clauses (id, tender_id, organisation_id, position, sheet, row_number, number,
                            text, language, text_digest)
                        VALUES (:id, :tender, :org, :position, :sheet, :row, :number, :text, :language, :digest)
                        """)
                .param("id", c.id())
                .param("tender", tenderId)
                .param("org", organisation())
                .param("position", c.position())
                .param("sheet", c.sheet())
                .param("row", c.row())
                .param("number", c.number())
                .param("text", c.text())
                .param("language", c.language())
                .param("digest", c.textDigest())
                .update();
    }

    List<Tender> all() {
        return jdbc.sql("SELECT * FROM tenders WHERE organisation_id = :org ORDER BY created_at DESC, id")
                .param("org", organisation())
                .query(TenderRows::tender)
                .list();
    }

    /** Per tender of the organisation: its answered clauses. */
    java.util.Map<String, Integer> answeredCounts() {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT tender_id, COUNT(*) AS answered FROM tender_clauses
                        WHERE organisation_id = :org AND answer IS NOT NULL GROUP BY tender_id
                        """).param("org", organisation()).query(rs -> {
            counts.put(rs.getString("tender_id"), rs.getInt("answered"));
        });
        return counts;
    }

    Optional<Tender> find(String id) {
        return jdbc.sql("SELECT * FROM tenders WHERE organisation_id = :org AND id = :id")
                .param("org", organisation())
                .param("id", id)
                .query(TenderRows::tender)
                .optional();
    }

    List<TenderClause> clauses(String tenderId) {
        return jdbc.sql("""
                        SELECT * FROM tender_clauses WHERE organisation_id = :org AND tender_id = :tender
                        ORDER BY position
                        """)
                .param("org", organisation())
                .param("tender", tenderId)
                .query(TenderRows::clause)
                .list();
    }

    Optional<TenderClause> clause(String tenderId, String clauseId) {
        return jdbc.sql("""
                        SELECT * FROM tender_clauses WHERE organisation_id = :org AND tender_id = :tender AND id = :id
                        """)
                .param("org", organisation())
                .param("tender", tenderId)
                .param("id", clauseId)
                .query(TenderRows::clause)
                .optional();
    }

    /** Clauses of the organisation's tenders whose text contains the words, newest tenders first. */
    List<PastClause> search(String words, int limit) {
        return jdbc.sql("""
                        SELECT c.*, t.title AS tender_title, t.buyer AS tender_buyer FROM tender_clauses c
                        JOIN tenders t ON t.id = c.tender_id
                        WHERE c.organisation_id = :org AND LOWER(c.text) LIKE :words ESCAPE '\\'
                        ORDER BY t.created_at DESC, c.position LIMIT :limit
                        """)
                .param("org", organisation())
                .param("words", "%" + likeEscaped(words.toLowerCase(java.util.Locale.ROOT)) + "%")
                .param("limit", limit)
                .query((rs, n) -> new PastClause(
                        rs.getString("tender_id"),
                        rs.getString("tender_title"),
                        rs.getString("tender_buyer"),
                        clause(rs, n)))
                .list();
    }

    private static String likeEscaped(String words) {
        return words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    void saveSuggestions(String clauseId, List<Suggestion> suggestions) {
        jdbc.sql("UPDATE tender_clauses SET suggestions = :s WHERE id = :id AND organisation_id = :org")
                .param("s", JSON.writeValueAsString(suggestions))
                .param("id", clauseId)
                .param("org", organisation())
                .update();
    }

    void saveAnswer(TenderClause c) {
        jdbc.sql("""
                        UPDATE tender_clauses SET answer = :answer, chosen = :chosen, reference_text = :references,
                            remarks = :remarks, flags = :flags, answered_by = :by, answered_at = :at
                        WHERE id = :id AND organisation_id = :org
                        """)
                .param("answer", c.answer() == null ? null : c.answer().name())
                .param("chosen", c.answer() == null ? null : JSON.writeValueAsString(c.chosen()))
                .param("references", c.references())
                .param("remarks", c.remarks())
                .param("flags", c.answer() == null ? null : JSON.writeValueAsString(c.flags()))
                .param("by", c.answeredBy())
                .param("at", Timestamps.toMillis(c.answeredAt()))
                .param("id", c.id())
                .param("org", organisation())
                .update();
    }

    void saveAction(String clauseId, String assessmentId, String actionId) {
        jdbc.sql("""
                        UPDATE tender_clauses SET action_id = :action, action_assessment_id = :assessment
                        WHERE id = :id AND organisation_id = :org
                        """)
                .param("action", actionId)
                .param("assessment", assessmentId)
                .param("id", clauseId)
                .param("org", organisation())
                .update();
    }

    /** The run's progress, which is also its heartbeat. */
    void progress(String tenderId, int matched, Instant at) {
        jdbc.sql("UPDATE tenders SET matched = :matched, updated_at = :at WHERE id = :id")
                .param("matched", matched)
                .param("at", Timestamps.toMillis(at))
                .param("id", tenderId)
                .update();
    }

    void finish(String tenderId, Tender.Status status, String failure, Instant at) {
        jdbc.sql("UPDATE tenders SET status = :status, failure = :failure, updated_at = :at WHERE id = :id")
                .param("status", status.name())
                .param("failure", failure)
                .param("at", Timestamps.toMillis(at))
                .param("id", tenderId)
                .update();
    }

    void requeue(String tenderId, Instant at) {
        jdbc.sql("""
                        UPDATE tenders SET status = 'QUEUED', matched = 0, failure = NULL, updated_at = :at
                        WHERE id = :id AND organisation_id = :org
                        """)
                .param("at", Timestamps.toMillis(at))
                .param("id", tenderId)
                .param("org", organisation())
                .update();
    }

    /** Runs waiting for a worker: queued ones, and running ones whose worker stopped beating. */
    List<String> claimable(Instant staleBefore) {
        return jdbc.sql("""
                        SELECT id FROM tenders
                        WHERE status = 'QUEUED' OR (status = 'RUNNING' AND updated_at < :stale)
                        ORDER BY created_at
                        """)
                .param("stale", Timestamps.toMillis(staleBefore))
                .query(String.class)
                .list();
    }

    /** Claims a run for this node; empty when another node has it (or it is done). */
    Optional<OrganisationId> claim(String tenderId, Instant staleBefore, Instant now) {
        int claimed = jdbc.sql("""
                        UPDATE tenders SET status = 'RUNNING', matched = 0, updated_at = :now
                        WHERE id = :id AND (status = 'QUEUED' OR (status = 'RUNNING' AND updated_at < :stale))
                        """)
                .param("now", Timestamps.toMillis(now))
                .param("id", tenderId)
                .param("stale", Timestamps.toMillis(staleBefore))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT organisation_id FROM tenders WHERE id = :id")
                .param("id", tenderId)
                .query(String.class)
                .optional()
                .map(OrganisationId::parse);
    }

    void remember(Remembered m, String tenderId, String by, Instant at) {
        int updated = jdbc.sql("""
                        UPDATE tender_answer_memory SET text = :text, answer = :answer, chosen = :chosen,
                            reference_text = :reference, remarks = :remarks, tender_id = :tender, answered_by = :by,
                            answered_at = :at
                        WHERE organisation_id = :org AND text_digest = :digest
                        """).params(memoryParams(m, tenderId, by, at)).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO tender_answer_memory (organisation_id, text_digest, text, answer, chosen,
                                reference_text, remarks, tender_id, answered_by, answered_at)
                            VALUES (:org, :digest, :text, :answer, :chosen, :reference, :remarks, :tender, :by, :at)
                            """).params(memoryParams(m, tenderId, by, at)).update();
        }
    }

    private static java.util.Map<String, Object> memoryParams(Remembered m, String tenderId, String by, Instant at) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("org", organisation());
        params.put("digest", m.digest());
        params.put("text", m.text());
        params.put("answer", m.answer().name());
        params.put("chosen", JSON.writeValueAsString(m.chosen()));
        params.put("reference", m.reference());
        params.put("remarks", m.remarks());
        params.put("tender", tenderId);
        params.put("by", by);
        params.put("at", Timestamps.toMillis(at));
        return params;
    }

    List<Remembered> memory() {
        return jdbc.sql("SELECT * FROM tender_answer_memory WHERE organisation_id = :org")
                .param("org", organisation())
                .query((rs, n) -> new Remembered(
                        rs.getString("text_digest"),
                        rs.getString("text"),
                        Answer.valueOf(rs.getString("answer")),
                        JSON.readValue(rs.getString("chosen"), STRINGS),
                        rs.getString("reference_text"),
                        rs.getString("remarks")))
                .list();
    }

    boolean refersTo(String sha256) {
        return io.serviceproof.common.blobs.BlobReferences.anyRow(jdbc, "tenders", "source_sha256", sha256);
    }

    private static Tender tender(ResultSet rs, int n) throws SQLException {
        return new Tender(
                rs.getString("id"),
                rs.getString("title"),
                rs.getString("buyer"),
                rs.getString("offering_id"),
                rs.getString("language"),
                rs.getString("source_name"),
                TenderFormat.valueOf(rs.getString("source_format")),
                rs.getString("source_sha256"),
                JSON.readValue(rs.getString("layout"), LAYOUT),
                rs.getInt("clause_count"),
                Tender.Status.valueOf(rs.getString("status")),
                rs.getInt("matched"),
                rs.getString("failure"),
                rs.getString("created_by"),
                Timestamps.instant(rs, "created_at"));
    }

    private static TenderClause clause(ResultSet rs, int n) throws SQLException {
        String suggestions = rs.getString("suggestions");
        String chosen = rs.getString("chosen");
        String flags = rs.getString("flags");
        String answer = rs.getString("answer");
        return new TenderClause(
                rs.getString("id"),
                rs.getInt("position"),
                rs.getString("sheet"),
                rs.getInt("row_number"),
                rs.getString("number"),
                rs.getString("text"),
                rs.getString("language"),
                rs.getString("text_digest"),
                suggestions == null ? null : JSON.readValue(suggestions, SUGGESTIONS),
                answer == null ? null : Answer.valueOf(answer),
                chosen == null ? List.of() : JSON.readValue(chosen, STRINGS),
                rs.getString("reference_text"),
                rs.getString("remarks"),
                flags == null ? List.of() : JSON.readValue(flags, STRINGS),
                rs.getString("answered_by"),
                Timestamps.instant(rs, "answered_at"),
                rs.getString("action_id"),
                rs.getString("action_assessment_id"));
    }
}
