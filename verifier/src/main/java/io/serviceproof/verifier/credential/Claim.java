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
        List<LayerSla> serviceLevels) {

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
                    serviceLevels(assessment.get("sp:slaAttainment"))));
        } catch (RuntimeException | io.serviceproof.verifier.json.JsonException notACredential) {
            return Optional.empty();
        }
    }

    /** One line a person reads first: who declares what of which offering for which market. */
    public String headline() {
        String verdict = conformance == null
                ? "makes no conformance statement"
                : conformance ? "CONFORMS" : "does NOT CONFORM (not all mandatory requirements are met)";
        return (issuerName == null ? issuerId : issuerName) + " declares that " + offering + " " + verdict
                + " for market profile " + market
                + (readinessPercent == null ? "" : " — readiness " + readinessPercent + " %");
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
