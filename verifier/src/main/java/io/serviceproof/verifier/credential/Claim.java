package io.serviceproof.verifier.credential;

import io.serviceproof.verifier.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a conformity credential attests, read for people: a VALID verdict says the credential is
 * genuine, not that the offering conforms, so verifiers print this beside the verdict — a valid
 * credential that attests non-conformance must read as such at a glance. Read from the credential
 * as given; whether it is genuine is what the checks decide.
 *
 * @param conformance null when the credential does not say
 * @param readinessPercent null when the credential does not say
 */
public record Claim(
        String issuerId,
        String issuerName,
        String offering,
        String market,
        Boolean conformance,
        Double readinessPercent,
        String assessorLevel,
        String assessmentDate,
        String validFrom,
        String validUntil,
        List<LayerSla> serviceLevels,
        Optional<ThirdParty> thirdParty) {

    /**
     * What a conformity-assessment body's credential adds: what it did, to whom, under which
     * accreditations (each with its accreditation body), what it certifies, and the exporter's
     * credential it rests on (by URL and digest). Read as stated; the accreditation body's standing
     * is for the verifier to establish (IAF MLA / ILAC MRA), never taken from the credential.
     */
    public record ThirdParty(
            String attestationType,
            String issuedTo,
            String issuedToId,
            String assessmentLevel,
            List<Authorisation> authorisations,
            String certifiedFramework,
            String exporterCredential,
            String exporterCredentialDigest,
            String engagementDigest,
            int findingsRaised,
            int findingsOpen) {}

    /** An accreditation as the credential names it. */
    public record Authorisation(String name, String accreditationBody, String validUntil) {}

    /** One service layer's attainment in its last closed period, as the credential states it. */
    public record LayerSla(String layer, String period, int met, int measured, int published, int breaches) {}

    /** The claim of a UNTP conformity credential, or empty when the bytes are not one. */
    public static Optional<Claim> of(byte[] credential) {
        try {
            Map<String, Object> vc =
                    CredentialVerifier.object(Json.parse(new String(credential, StandardCharsets.UTF_8)));
            Map<?, ?> issuer = vc.get("issuer") instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> subject = vc.get("credentialSubject") instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> assessment = subject.get("assessment") instanceof List<?> list
                            && !list.isEmpty()
                            && list.get(0) instanceof Map<?, ?> m
                    ? m
                    : Map.of();
            if (assessment.isEmpty()) {
                return Optional.empty(); // not a conformity credential: nothing to summarise
            }
            return Optional.of(new Claim(
                    CredentialVerifier.issuerId(vc),
                    text(issuer.get("name")),
                    firstName(assessment.get("assessedProduct")),
                    // UNTP 0.6.0 names the scheme as the attestation's scope; credentials of the first
                    // version named it as the assessment's referenceScheme.
                    market(subject.get("scope") != null ? subject.get("scope") : assessment.get("referenceScheme")),
                    assessment.get("conformance") instanceof Boolean b ? b : null,
                    assessment.get("sp:readinessPercent") instanceof Number n ? n.doubleValue() : null,
                    text(subject.get("assessorLevel")),
                    text(assessment.get("assessmentDate")),
                    text(vc.get("validFrom")),
                    text(vc.get("validUntil")),
                    serviceLevels(assessment.get("sp:slaAttainment")),
                    thirdParty(subject, assessment)));
        } catch (RuntimeException | io.serviceproof.verifier.json.JsonException notACredential) {
            return Optional.empty();
        }
    }

    /** One line a person reads first: who declares what of which offering for which market. */
    public String headline() {
        if (thirdParty.isPresent()) {
            ThirdParty t = thirdParty.get();
            return (issuerName == null ? issuerId : issuerName) + " (third party, " + t.attestationType()
                    + ") attests that "
                    + offering + " of " + t.issuedTo() + " "
                    + (Boolean.TRUE.equals(conformance) ? "CONFORMS" : "does NOT CONFORM") + " for market profile "
                    + market + (t.certifiedFramework() == null ? "" : ", certifying " + t.certifiedFramework());
        }
        String verdict = conformance == null
                ? "makes no conformance statement"
                : conformance ? "CONFORMS" : "does NOT CONFORM (not all mandatory requirements are met)";
        return (issuerName == null ? issuerId : issuerName) + " declares that " + offering + " " + verdict
                + " for market profile " + market
                + (readinessPercent == null ? "" : " — readiness " + readinessPercent + " %");
    }

    /** A self-declaration says nothing more; a third party's attestation names who it attests for, and how. */
    private static Optional<ThirdParty> thirdParty(Map<?, ?> subject, Map<?, ?> assessment) {
        if (!"3rdParty".equals(subject.get("assessorLevel"))) {
            return Optional.empty();
        }
        List<Authorisation> authorisations = new ArrayList<>();
        if (subject.get("authorisation") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    Map<?, ?> authority = m.get("issuingAuthority") instanceof Map<?, ?> a ? a : Map.of();
                    authorisations.add(new Authorisation(
                            text(m.get("name")), text(authority.get("name")), text(m.get("sp:validUntil"))));
                }
            }
        }
        Map<?, ?> to = subject.get("issuedToParty") instanceof Map<?, ?> m ? m : Map.of();
        return Optional.of(new ThirdParty(
                text(subject.get("attestationType")),
                text(to.get("name")) == null ? text(to.get("id")) : text(to.get("name")),
                text(to.get("id")),
                text(subject.get("assessmentLevel")),
                List.copyOf(authorisations),
                text(assessment.get("sp:certifiedFramework")),
                text(assessment.get("sp:exporterCredential")),
                text(assessment.get("sp:exporterCredentialDigest")),
                text(assessment.get("sp:engagementDigest")),
                number(assessment.get("sp:findingsRaised")),
                number(assessment.get("sp:findingsOpen"))));
    }

    private static List<LayerSla> serviceLevels(Object value) {
        List<LayerSla> levels = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    levels.add(new LayerSla(
                            text(m.get("sp:serviceLayerId")),
                            text(m.get("sp:period")),
                            number(m.get("sp:objectivesMet")),
                            number(m.get("sp:objectivesMeasured")),
                            number(m.get("sp:objectivesPublished")),
                            number(m.get("sp:breachesLast90Days"))));
                }
            }
        }
        return levels;
    }

    /** A ProductVerification's product name (UNTP 0.6.0), or a bare product's (the first version). */
    private static String firstName(Object products) {
        if (!(products instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof Map<?, ?> m)) {
            return null;
        }
        return m.get("product") instanceof Map<?, ?> product ? text(product.get("name")) : text(m.get("name"));
    }

    private static String market(Object scheme) {
        if (!(scheme instanceof Map<?, ?> m)) {
            return null;
        }
        String id = text(m.get("id"));
        return id != null && id.startsWith("urn:serviceproof:market-profile:")
                ? id.substring("urn:serviceproof:market-profile:".length())
                : text(m.get("name"));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
