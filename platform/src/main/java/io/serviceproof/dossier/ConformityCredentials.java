package io.serviceproof.dossier;

import io.serviceproof.assessment.Assessment;
import io.serviceproof.assessment.AssessmentView;
import io.serviceproof.assessment.RequirementResult;
import io.serviceproof.assessment.Result;
import io.serviceproof.identity.Organisation;
import io.serviceproof.services.LayerVersion;
import io.serviceproof.services.Offering;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The unsecured credential: a W3C VC 2.0 Digital Conformity Credential (UNTP DCC vocabulary) whose
 * subject is a self-declared conformity attestation of one offering, with its published service
 * layer versions, against one market profile. What the UNTP vocabulary has no term for (readiness,
 * per-result counts, layer digests, log proofs) carries our own {@code sp:} terms, declared in the
 * context each instance serves at {@code /contexts/serviceproof-v1.jsonld} (a URL rather than an
 * inline object: verifiers compare the proof's context with the credential's entry by entry).
 */
final class ConformityCredentials {

    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String UNTP_DCC_CONTEXT = "https://test.uncefact.org/vocabulary/untp/dcc/0.6.0/";
    /**
     * UNTP 0.6.0 topics are a closed list of sustainability and governance codes; a market profile's
     * requirements (standards, laws, service levels) are a matter of compliance.
     */
    static final String CONFORMITY_TOPIC = "governance.compliance";
    /** How long a credential is valid unless revoked: a year, the usual surveillance cycle. */
    static final long VALID_DAYS = 365;

    private ConformityCredentials() {}

    /** A layer version the credential covers, and the log proof of its publication. */
    record CoveredLayer(String code, String name, LayerVersion version, String tlogProof) {}

    /** An evidence file the attestation rests on: its digest, and the log proof of its registration. */
    record AttestedFile(
            String title,
            int version,
            String sha256,
            Long logIndex,
            String tlogProof,
            Long approvalLogIndex,
            String approvalProof) {}

    /** A layer's measured service levels in its last closed period. */
    record Attainment(String code, String period, int met, int measured, int published, int recentBreaches) {}

    record Facts(
            String credentialId,
            Organisation issuer,
            String did,
            String credentialUrl,
            String statusListUrl,
            String ourContext,
            int statusIndex,
            Offering offering,
            Assessment assessment,
            AssessmentView view,
            String signOffProof,
            List<CoveredLayer> layers,
            List<AttestedFile> evidence,
            List<Attainment> attainment,
            Instant issuedAt) {}

    static Map<String, Object> unsecured(Facts f) {
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(VC_CONTEXT, UNTP_DCC_CONTEXT, f.ourContext()));
        vc.put("id", "urn:uuid:" + f.credentialId());
        vc.put("type", List.of("DigitalConformityCredential", "VerifiableCredential"));
        vc.put(
                "name",
                "Conformity of " + f.offering().name() + " with market profile "
                        + f.assessment().market());
        vc.put(
                "issuer",
                Map.of(
                        "type",
                        List.of("CredentialIssuer"),
                        "id",
                        f.did(),
                        "name",
                        f.issuer().name()));
        Instant validFrom = f.issuedAt().truncatedTo(ChronoUnit.SECONDS);
        vc.put("validFrom", validFrom.toString());
        vc.put("validUntil", validFrom.plus(VALID_DAYS, ChronoUnit.DAYS).toString());
        vc.put(
                "credentialStatus",
                List.of(Map.of(
                        "id",
                        f.statusListUrl() + "#" + f.statusIndex(),
                        "type",
                        "BitstringStatusListEntry",
                        "statusPurpose",
                        "revocation",
                        "statusListIndex",
                        Integer.toString(f.statusIndex()),
                        "statusListCredential",
                        f.statusListUrl())));
        vc.put("credentialSubject", attestation(f));
        vc.put("evidence", evidence(f));
        return vc;
    }

    private static Map<String, Object> attestation(Facts f) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("ConformityAttestation", "Attestation"));
        subject.put("id", f.credentialUrl() + "#attestation");
        subject.put("name", f.assessment().title());
        subject.put("assessorLevel", "Self");
        subject.put("assessmentLevel", "Unspecified");
        subject.put("attestationType", "declaration");
        subject.put(
                "issuedToParty",
                Map.of(
                        "type",
                        List.of("Party"),
                        "id",
                        f.did(),
                        "name",
                        f.issuer().name()));
        // The scheme under which the attestation is made: the market profile of the organisation's
        // standards library (its own copy, which it curates).
        subject.put(
                "scope",
                Map.of(
                        "type",
                        List.of("ConformityAssessmentScheme", "Standard"),
                        "id",
                        "urn:serviceproof:market-profile:" + f.assessment().market(),
                        "name",
                        "ServiceProof market profile " + f.assessment().market(),
                        "issuingParty",
                        Map.of("id", f.did(), "name", f.issuer().name())));
        subject.put("assessment", List.of(assessment(f)));
        return subject;
    }

    private static Map<String, Object> assessment(Facts f) {
        Map<String, Object> counts = new TreeMap<>();
        // Keys in our vocabulary, so that JSON-LD processors keep them (a bare "compliant" is dropped).
        f.view().counts().forEach((result, n) -> counts.put("sp:" + result.token(), n));
        List<Map<String, Object>> criteria = new ArrayList<>();
        boolean mandatoryMet = conformant(f.view());
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (RequirementResult r : f.view().results()) {
            String id = "urn:serviceproof:requirement:" + r.requirementId();
            // A UNTP Criterion says what is required and nothing else (the schema forbids more);
            // what this assessment found for it is stated beside, in our own terms.
            Map<String, Object> criterion = new LinkedHashMap<>();
            criterion.put("type", List.of("Criterion"));
            criterion.put("id", id);
            criterion.put("name", r.framework() + " " + r.ref());
            criterion.put("description", r.title() == null || r.title().isBlank() ? r.ref() : r.title());
            criterion.put("conformityTopic", CONFORMITY_TOPIC);
            criterion.put("status", "active");
            criteria.add(criterion);
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("sp:criterion", id);
            outcome.put("sp:basis", r.basis());
            outcome.put("sp:result", r.result().token());
            // A result read against a catalog row no reviewer confirmed says so in the credential too.
            r.reasons().stream()
                    .filter(reason -> "unverified-source".equals(reason.kind()))
                    .findFirst()
                    .ifPresent(reason -> outcome.put("sp:unverifiedSource", reason.text()));
            outcomes.add(outcome);
        }
        Map<String, Object> assessment = new LinkedHashMap<>();
        assessment.put("type", List.of("ConformityAssessment", "Declaration"));
        assessment.put("id", f.credentialUrl() + "#assessment");
        assessment.put("conformityTopic", CONFORMITY_TOPIC);
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", "urn:serviceproof:offering:" + f.offering().id());
        product.put("name", f.offering().name());
        // A ProductVerification without "type": UNTP 0.6.0's context defines no such term (its
        // schema would accept it, JSON-LD would make it a relative IRI); its own example omits it.
        assessment.put("assessedProduct", List.of(Map.of("product", product, "IDverifiedByCAB", false)));
        // UNTP's assessmentDate is a calendar date (UTC); the signed-off instant is kept beside it.
        assessment.put(
                "assessmentDate",
                f.assessment()
                        .signedAt()
                        .atZone(java.time.ZoneOffset.UTC)
                        .toLocalDate()
                        .toString());
        assessment.put("sp:signedOffAt", f.assessment().signedAt().toString());
        assessment.put("conformance", mandatoryMet);
        assessment.put("assessmentCriteria", criteria);
        assessment.put("sp:criterionResults", outcomes);
        assessment.put("sp:readinessPercent", f.view().score());
        assessment.put("sp:results", counts);
        assessment.put("sp:assessmentDigest", "sha256:" + f.assessment().sha256());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (CoveredLayer layer : f.layers()) {
            layers.add(Map.of(
                    "sp:serviceLayerId", layer.code(),
                    "name", layer.name(),
                    "sp:version", layer.version().version(),
                    "sp:digest", "sha256:" + layer.version().sha256()));
        }
        assessment.put("sp:serviceLayers", layers);
        List<Map<String, Object>> levels = new ArrayList<>();
        for (Attainment a : f.attainment()) {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("sp:serviceLayerId", a.code());
            level.put("sp:period", a.period() == null ? "none" : a.period());
            level.put("sp:objectivesMet", a.met());
            level.put("sp:objectivesMeasured", a.measured());
            level.put("sp:objectivesPublished", a.published());
            level.put("sp:breachesLast90Days", a.recentBreaches());
            levels.add(level);
        }
        assessment.put("sp:slaAttainment", levels);
        List<Map<String, Object>> files = new ArrayList<>();
        for (AttestedFile file : f.evidence()) {
            files.add(Map.of(
                    "name", file.title(),
                    "sp:version", file.version(),
                    "sp:digest", "sha256:" + file.sha256()));
        }
        assessment.put("sp:evidence", files);
        return assessment;
    }

    /** Conformant: every mandatory requirement is compliant or not applicable (the credential's "conformance"). */
    static boolean conformant(io.serviceproof.assessment.AssessmentView view) {
        return view.results().stream()
                .noneMatch(r -> r.basis().equals("mandatory")
                        && r.result() != Result.COMPLIANT
                        && r.result() != Result.NOT_APPLICABLE);
    }

    /** Each fact the attestation rests on, with its C2SP tlog-proof in the organisation's log. */
    private static List<Map<String, Object>> evidence(Facts f) {
        List<Map<String, Object>> evidence = new ArrayList<>();
        evidence.add(proofEvidence(
                f.credentialUrl() + "#sign-off",
                "Assessment " + f.assessment().id() + " signed off",
                f.assessment().ledgerIndex(),
                f.assessment().sha256(),
                f.signOffProof()));
        for (AttestedFile file : f.evidence()) {
            if (file.logIndex() != null) {
                evidence.add(proofEvidence(
                        f.credentialUrl() + "#evidence-" + file.logIndex(),
                        "Evidence \"" + file.title() + "\" version " + file.version() + " registered",
                        file.logIndex(),
                        file.sha256(),
                        file.tlogProof()));
            }
            if (file.approvalLogIndex() != null) {
                evidence.add(proofEvidence(
                        f.credentialUrl() + "#approval-" + file.approvalLogIndex(),
                        "Evidence \"" + file.title() + "\" version " + file.version() + " approved",
                        file.approvalLogIndex(),
                        file.sha256(),
                        file.approvalProof()));
            }
        }
        for (CoveredLayer layer : f.layers()) {
            evidence.add(proofEvidence(
                    f.credentialUrl() + "#layer-" + layer.code(),
                    "Service layer " + layer.code() + " version "
                            + layer.version().version() + " published",
                    layer.version().ledgerIndex(),
                    layer.version().sha256(),
                    layer.tlogProof()));
        }
        return evidence;
    }

    private static Map<String, Object> proofEvidence(String id, String name, long index, String sha256, String proof) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        // VC 2.0 leaves evidence types to the issuer's vocabulary; "Evidence" is not a term there.
        item.put("type", List.of("sp:LogInclusion"));
        item.put("name", name);
        item.put("sp:logIndex", index);
        item.put("sp:subjectDigest", "sha256:" + sha256);
        item.put("sp:tlogProof", proof);
        return item;
    }
}
