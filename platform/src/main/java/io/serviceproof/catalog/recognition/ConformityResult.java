package io.serviceproof.catalog.recognition;

import java.time.LocalDate;
import java.util.List;

/**
 * A certificate, test report, inspection report or attestation that the organisation holds, against
 * one framework edition ({@code key@edition}), issued by a conformity-assessment body.
 */
public record ConformityResult(
        String key,
        String kind,
        String framework,
        String nationalEquivalentUsed,
        String scope,
        String conformityBody,
        String accreditationNumber,
        LocalDate issued,
        LocalDate expires,
        String status,
        List<String> registeredIn) {

    public ConformityResult {
        registeredIn = registeredIn == null ? List.of() : List.copyOf(registeredIn);
    }

    public String frameworkKey() {
        return framework.substring(0, framework.indexOf('@'));
    }

    public String frameworkEdition() {
        return framework.substring(framework.indexOf('@') + 1);
    }
}
