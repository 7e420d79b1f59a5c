package io.serviceproof.catalog.recognition;

import java.util.List;

/**
 * What a market accepts as proof of conformity to one framework edition: which kinds of result,
 * whether the issuing body must be accredited, under which arrangement (and IAF level), whether the
 * market relies on an identical national adoption of that edition, and whether a local
 * registration is required.
 */
public record AcceptanceRule(
        String key,
        String market,
        String framework,
        List<String> accepts,
        boolean requiresAccreditation,
        String requiresArrangement,
        Integer requiresLevel,
        boolean requiresNationalAdoption,
        boolean requiresLocalRegistration,
        String note,
        String basis) {

    /**
     * As recorded before rules said their basis: {@code basis} is {@code regulation} when a law or
     * regulation of the market demands the result, otherwise (null) market practice resting on an
     * accreditation arrangement.
     */
    public AcceptanceRule(
            String key,
            String market,
            String framework,
            List<String> accepts,
            boolean requiresAccreditation,
            String requiresArrangement,
            Integer requiresLevel,
            boolean requiresNationalAdoption,
            boolean requiresLocalRegistration,
            String note) {
        this(
                key,
                market,
                framework,
                accepts,
                requiresAccreditation,
                requiresArrangement,
                requiresLevel,
                requiresNationalAdoption,
                requiresLocalRegistration,
                note,
                null);
    }

    public String frameworkKey() {
        return framework.substring(0, framework.indexOf('@'));
    }

    public String frameworkEdition() {
        return framework.substring(framework.indexOf('@') + 1);
    }
}
