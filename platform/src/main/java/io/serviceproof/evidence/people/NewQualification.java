package io.serviceproof.evidence.people;

import java.time.LocalDate;

/** A training or certification as someone records it. */
public record NewQualification(
        Qualification.Kind kind,
        String name,
        String issuer,
        String number,
        String scope,
        LocalDate obtainedOn,
        LocalDate validUntil,
        String evidenceId) {}
