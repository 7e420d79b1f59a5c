package io.serviceproof.dossier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A conformity-assessment body's credential: the UNTP Digital Conformity Credential with the body as
 * issuer, {@code assessorLevel} 3rdParty, its accreditation as the attestation's
 * {@code authorisation}, issued to the exporter, and naming (by digest) the exporter's credential and
 * the engagement snapshot it rests on, and the exporter's log checkpoint it saw. The shape is
 * that of {@link ConformityCredentials}, so the same schema, contexts and verifier apply.
 */
final class ThirdPartyCredentials {

    private ThirdPartyCredentials() {}

    record Issuer(
            String did,
            String name,
            String credentialUrl,
            String statusListUrl,
            String suspensionListUrl,
            String ourContext) {}

    static Map<String, Object> unsecured(
            ThirdPartyAttestation a, Issuer issuer, String credentialId, int statusIndex, Instant issuedAt) {
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put(
                "@context",
                List.of(ConformityCredentials.VC_CONTEXT, ConformityCredentials.UNTP_DCC_CONTEXT, issuer.ourContext()));
        vc.put("id", "urn:uuid:" + credentialId);
        vc.put("type", List.of("DigitalConformityCredential", "VerifiableCredential"));
        vc.put(
                "name",
                capitalised(a.attestationType()) + " of " + a.offeringName() + " (" + a.exporterName()
                        + ") with market profile " + a.market() + " by " + issuer.name());
        vc.put("issuer", Map.of("type", List.of("CredentialIssuer"), "id", issuer.did(), "name", issuer.name()));
        Instant validFrom = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        vc.put("validFrom", validFrom.toString());
        vc.put(
                "validUntil",
                validFrom
                        .plus(ConformityCredentials.VALID_DAYS, ChronoUnit.DAYS)
                        .toString());
        // Withdrawal is final (revocation); suspension is not: the same place in each of two lists.
        vc.put(
                "credentialStatus",
                List.of(
                        statusEntry(issuer.statusListUrl(), "revocation", statusIndex),
                        statusEntry(issuer.suspensionListUrl(), "suspension", statusIndex)));
        vc.put("credentialSubject", attestation(a, issuer));
        return vc;
    }

    private static Map<String, Object> attestation(ThirdPartyAttestation a, Issuer issuer) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("ConformityAttestation", "Attestation"));
        subject.put("id", issuer.credentialUrl() + "#attestation");
        subject.put("name", a.assessmentTitle());
        subject.put("assessorLevel", "3rdParty");
        // "Accredited" only when the body names an accreditation in force on the day it attests.
        boolean accredited =
                a.authorisations().stream().anyMatch(x -> !x.validTo().isBefore(a.auditDate()));
        subject.put("assessmentLevel", accredited ? "Accredited" : "Unspecified");
        subject.put("attestationType", a.attestationType());
        subject.put("issuedToParty", Map.of("type", List.of("Party"), "id", a.exporterDid(), "name", a.exporterName()));
        List<Map<String, Object>> authorisations = new ArrayList<>();
        for (ThirdPartyAttestation.Authorisation x : a.authorisations()) {
            Map<String, Object> endorsement = new LinkedHashMap<>();
            endorsement.put("type", List.of("Endorsement"));
            endorsement.put(
                    "id",
                    "urn:serviceproof:accreditation:" + urnPart(x.accreditationBody()) + ":" + urnPart(x.number()));
            endorsement.put("name", x.scheme() + " accreditation " + x.number() + ": " + x.scope());
            endorsement.put(
                    "issuingAuthority",
                    Map.of(
                            "id",
                            "urn:serviceproof:accreditation-body:" + urnPart(x.accreditationBody()),
                            "name",
                            x.accreditationBody()));
            endorsement.put("sp:validUntil", x.validTo().toString());
            if (x.evidenceUrl() != null && !x.evidenceUrl().isBlank()) {
                endorsement.put("sp:accreditationRecord", x.evidenceUrl());
            }
            authorisations.add(endorsement);
        }
        subject.put("authorisation", authorisations);
        subject.put(
                "scope",
                Map.of(
                        "type",
                        List.of("ConformityAssessmentScheme", "Standard"),
                        "id",
                        "urn:serviceproof:market-profile:" + a.market(),
                        "name",
                        "ServiceProof market profile " + a.market()
                                + (a.framework() == null ? "" : ", certifying " + a.framework()),
                        "issuingParty",
                        Map.of("id", issuer.did(), "name", issuer.name())));
        subject.put("assessment", List.of(assessment(a, issuer)));
        return subject;
    }

    private static Map<String, Object> assessment(ThirdPartyAttestation a, Issuer issuer) {
        Map<String, Object> assessment = new LinkedHashMap<>();
        assessment.put("type", List.of("ConformityAssessment", "Declaration"));
        assessment.put("id", issuer.credentialUrl() + "#assessment");
        assessment.put("conformityTopic", ConformityCredentials.CONFORMITY_TOPIC);
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", "urn:serviceproof:offering:" + a.offeringId());
        product.put("name", a.offeringName());
        // The body saw the offering's layers and their digests in the snapshot, not the product in hand.
        assessment.put("assessedProduct", List.of(Map.of("product", product, "IDverifiedByCAB", false)));
        assessment.put("assessmentDate", a.auditDate().toString());
        assessment.put("conformance", a.conformance());
        List<Map<String, Object>> criteria = new ArrayList<>();
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (ThirdPartyAttestation.Criterion c : a.criteria()) {
            String id = "urn:serviceproof:requirement:" + c.requirementId();
            Map<String, Object> criterion = new LinkedHashMap<>();
            criterion.put("type", List.of("Criterion"));
            criterion.put("id", id);
            criterion.put("name", c.label());
            criterion.put("description", c.title() == null || c.title().isBlank() ? c.label() : c.title());
            criterion.put("conformityTopic", ConformityCredentials.CONFORMITY_TOPIC);
            criterion.put("status", "active");
            criteria.add(criterion);
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("sp:criterion", id);
            outcome.put("sp:basis", c.basis());
            outcome.put("sp:result", c.result());
            outcome.put("sp:auditGrade", c.grade());
            outcomes.add(outcome);
        }
        assessment.put("assessmentCriteria", criteria);
        assessment.put("sp:criterionResults", outcomes);
        if (a.framework() != null) {
            assessment.put("sp:certifiedFramework", a.framework());
        }
        assessment.put("sp:leadAuditor", a.leadAuditor());
        assessment.put("sp:findingsRaised", a.findingsRaised());
        assessment.put("sp:findingsOpen", a.findingsOpen());
        assessment.put("sp:engagementDigest", "sha256:" + a.snapshotSha256());
        assessment.put("sp:exporterCredential", a.exporterCredentialUrl());
        assessment.put("sp:exporterCredentialDigest", "sha256:" + a.exporterCredentialSha256());
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("sp:checkpoint", a.checkpoint());
        if (a.witnessName() != null) {
            log.put("sp:witness", a.witnessName());
            log.put("sp:witnessedTreeSize", a.witnessedTreeSize() == null ? 0 : a.witnessedTreeSize());
        }
        assessment.put("sp:exporterLog", log);
        return assessment;
    }

    private static Map<String, Object> statusEntry(String listUrl, String purpose, int index) {
        return Map.of(
                "id",
                listUrl + "#" + index,
                "type",
                "BitstringStatusListEntry",
                "statusPurpose",
                purpose,
                "statusListIndex",
                Integer.toString(index),
                "statusListCredential",
                listUrl);
    }

    private static String capitalised(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    /** A name as one URN segment: lower-case letters, digits and hyphens. */
    static String urnPart(String text) {
        String part =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return part.isEmpty() ? "unnamed" : part;
    }
}
