package io.serviceproof.catalog;

/**
 * Why a framework, or one requirement of it, applies in a market: mandatory by law, expected by
 * buyers and tenders, recommended, or tracked for change.
 */
public record MarketRule(
        String id,
        String marketId,
        String frameworkKey,
        String frameworkEdition,
        String requirementRef,
        String basis,
        String reasonEn,
        String reasonZh,
        Provenance provenance) {

    public String reason(boolean chinese) {
        return chinese && !reasonZh.isBlank() ? reasonZh : reasonEn;
    }
}
