package io.serviceproof.attestation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One accreditation a body holds, as its certificate states it: by which accreditation body, under
 * which scheme (ISO/IEC 17021-1, 17020, 17025, 17065), for which standards and sectors, its number
 * and validity, and where the accreditation body publishes it (the evidence for it).
 *
 * @param standards the framework keys the scope covers, e.g. {@code iso-iec-27001}
 */
public record BodyAccreditation(
        String id,
        String accreditationBody,
        String scheme,
        List<String> standards,
        List<String> sectors,
        String certificateNumber,
        LocalDate validFrom,
        LocalDate validTo,
        String evidenceUrl,
        String recordedBy,
        Instant recordedAt) {

    public BodyAccreditation {
        standards = List.copyOf(standards);
        sectors = List.copyOf(sectors);
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** Whether its scope covers a framework reference ({@code key} or {@code key@edition}). */
    public boolean covers(String framework) {
        String key = framework.contains("@") ? framework.substring(0, framework.indexOf('@')) : framework;
        return standards.contains(key);
    }
}
