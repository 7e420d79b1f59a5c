package io.serviceproof.attestation;

import io.serviceproof.assessment.Assessment;
import io.serviceproof.assessment.AssessmentView;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.assessment.Reason;
import io.serviceproof.assessment.RequirementResult;
import io.serviceproof.dossier.AttestedEvidence;
import io.serviceproof.dossier.Credential;
import io.serviceproof.evidence.EvidenceLink;
import io.serviceproof.evidence.EvidenceSummary;
import io.serviceproof.evidence.Vault;
import io.serviceproof.evidence.people.People;
import io.serviceproof.evidence.people.Qualification;
import io.serviceproof.evidence.people.Technician;
import io.serviceproof.identity.Organisation;
import io.serviceproof.ledger.LogReader;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.ServiceLayer;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Freezes what a body may see, at invitation, as the exporter: the credential (with its log proofs,
 * layer digests and measured service levels), the signed-off results requirement by requirement with
 * the approved evidence each rests on, the layer versions, the people and their qualifications, and
 * the exporter's log key and checkpoint. Frozen so that the body reviews one fixed thing, which its
 * attestation names by digest, and so that nothing the exporter adds later leaks into the scope.
 */
@Component
class EngagementSnapshots {

    private final Assessments assessments;
    private final Offerings offerings;
    private final AttestedEvidence attested;
    private final Vault vault;
    private final People people;
    private final LogReader log;
    private final Clock clock;

    EngagementSnapshots(
            Assessments assessments,
            Offerings offerings,
            AttestedEvidence attested,
            Vault vault,
            People people,
            LogReader log,
            Clock clock) {
        this.assessments = assessments;
        this.offerings = offerings;
        this.attested = attested;
        this.vault = vault;
        this.people = people;
        this.log = log;
        this.clock = clock;
    }

    /** The snapshot as canonical JSON (RFC 8785), whose SHA-256 names it. */
    String freeze(Organisation exporter, String did, Credential credential, String credentialUrl) {
        Assessment assessment = assessments.assessment(credential.assessmentId());
        AssessmentView view = assessments.view(assessment.id());
        List<EvidenceSummary> evidence = attested.of(view, assessment.offeringId());
        Map<String, Set<String>> evidenceFor = new LinkedHashMap<>();
        for (EvidenceLink link : vault.allLinks()) {
            evidenceFor.computeIfAbsent(link.targetId(), k -> new TreeSet<>()).add(link.itemId());
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("format", "serviceproof-engagement-snapshot/1");
        snapshot.put("frozenAt", clock.instant().toString());
        snapshot.put("exporter", Map.of("slug", exporter.slug(), "name", exporter.name(), "did", did));
        snapshot.put(
                "credential",
                Map.of(
                        "id", credential.id(),
                        "url", credentialUrl,
                        "sha256", credential.sha256(),
                        "document", credential.document()));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", assessment.id());
        a.put("title", assessment.title());
        a.put("market", assessment.market());
        a.put("offeringId", assessment.offeringId());
        a.put("offering", offerings.offering(assessment.offeringId()).name());
        a.put("signedAt", String.valueOf(assessment.signedAt()));
        a.put("signedBy", String.valueOf(assessment.signedBy()));
        a.put("sha256", String.valueOf(assessment.sha256()));
        a.put("readiness", view.score());
        List<Map<String, Object>> results = new ArrayList<>();
        for (RequirementResult r : view.results()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("requirementId", r.requirementId());
            row.put("label", r.framework() + " " + r.ref());
            row.put("title", r.title() == null ? "" : r.title());
            row.put("basis", r.basis());
            row.put("result", r.result().token());
            row.put("reasons", r.reasons().stream().map(Reason::text).toList());
            Set<String> items = new TreeSet<>(evidenceFor.getOrDefault(r.requirementId(), Set.of()));
            r.layers().forEach(layer -> items.addAll(evidenceFor.getOrDefault(layer, Set.of())));
            row.put(
                    "evidence",
                    evidence.stream()
                            .filter(e -> items.contains(e.item().id()))
                            .map(e -> e.item().id())
                            .toList());
            results.add(row);
        }
        a.put("results", results);
        snapshot.put("assessment", a);
        snapshot.put(
                "evidence", evidence.stream().map(EngagementSnapshots::evidence).toList());
        snapshot.put("layers", layers(assessment));
        snapshot.put("people", people());
        String checkpoint = log.publishNow(exporter.id());
        snapshot.put("log", Map.of("verifierKey", log.verifierKey(exporter.id()), "checkpoint", checkpoint));
        try {
            return Json.canonical(snapshot);
        } catch (JsonException e) {
            throw new IllegalStateException("a snapshot is plain JSON data", e);
        }
    }

    private static Map<String, Object> evidence(EvidenceSummary e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("itemId", e.item().id());
        row.put("title", e.item().title());
        row.put("type", e.item().type());
        row.put("version", e.latest().version());
        row.put("sha256", e.latest().sha256());
        row.put("filename", e.latest().filename());
        row.put("logIndex", e.latest().ledgerIndex() == null ? -1 : e.latest().ledgerIndex());
        return row;
    }

    private List<Map<String, Object>> layers(Assessment assessment) {
        List<Map<String, Object>> layers = new ArrayList<>();
        for (ServiceLayer layer : offerings.layers(assessment.offeringId())) {
            offerings.versions(layer.id()).stream()
                    .filter(v ->
                            assessment.signedAt() == null || !v.publishedAt().isAfter(assessment.signedAt()))
                    .reduce((x, y) -> y.version() > x.version() ? y : x)
                    .ifPresent(v -> layers.add(Map.of(
                            "code", layer.code(),
                            "name", layer.name(),
                            "version", v.version(),
                            "sha256", v.sha256(),
                            "logIndex", v.ledgerIndex())));
        }
        return layers;
    }

    private List<Map<String, Object>> people() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Technician t : people.technicians()) {
            if (!t.active()) {
                continue;
            }
            List<Map<String, Object>> qualifications = new ArrayList<>();
            for (Qualification q : people.qualificationsOf(t.id())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("kind", q.kind().name().toLowerCase(java.util.Locale.ROOT));
                row.put("name", q.name());
                row.put("issuer", q.issuer() == null ? "" : q.issuer());
                row.put("scope", q.scope());
                row.put(
                        "validUntil",
                        q.validUntil() == null ? "" : q.validUntil().toString());
                row.put("current", q.currentOn(today));
                qualifications.add(row);
            }
            rows.add(Map.of(
                    "name",
                    t.name(),
                    "employer",
                    t.employer() == null ? "" : t.employer(),
                    "roles",
                    t.roles(),
                    "qualifications",
                    qualifications));
        }
        return rows;
    }
}
