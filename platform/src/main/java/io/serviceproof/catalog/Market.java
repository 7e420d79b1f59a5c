package io.serviceproof.catalog;

import java.util.List;

/** A target market (a country or a regional bloc) and the bodies and arrangements it relies on. */
public record Market(
        String id,
        String code,
        String nameEn,
        String nameZh,
        List<String> languages,
        String standardsBody,
        String accreditationBody,
        List<String> reliesOn,
        String notes,
        String notCovered,
        Provenance provenance) {

    public String name(boolean chinese) {
        return chinese ? nameZh : nameEn;
    }
}
