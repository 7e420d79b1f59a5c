package io.serviceproof.catalog.recognition;

import java.time.LocalDate;

/**
 * A conformity-assessment body's accreditation: by which accreditation body, under which scheme
 * (ISO/IEC 17021-1, 17065, 17020, 17025...) and for which exact sub-scope (e.g. "ISO/IEC 27006 +
 * ISO/IEC 27001").
 */
public record Accreditation(
        String key,
        String accreditationBody,
        String conformityBody,
        String scheme,
        String subScope,
        String number,
        LocalDate validFrom,
        LocalDate validTo) {

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
