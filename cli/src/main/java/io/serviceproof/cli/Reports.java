package io.serviceproof.cli;

import io.serviceproof.verifier.credential.Claim;
import io.serviceproof.verifier.credential.CredentialVerifier;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** How the credential and dossier commands print their checks and choose their exit code. */
final class Reports {

    private Reports() {}

    /** {@code --at}, or now. */
    static Instant at(String option) {
        try {
            return option == null ? Instant.now() : Instant.parse(option);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--at must be an instant such as 2026-11-26T00:00:00Z");
        }
    }

    /**
     * One line per check on {@code out}; the verdict on {@code out} (valid) or {@code err} (invalid or
     * incomplete). VALID, exit 0, only when every check was made and passed; when nothing failed but
     * a check could not be made (an anchor was not given), INCOMPLETE, exit 3, naming what is missing.
     */
    static int print(CredentialVerifier.Report report, String what, PrintWriter out, PrintWriter err) {
        for (CredentialVerifier.Check check : report.checks()) {
            out.printf("%-14s %s: %s%n", label(check.outcome()), check.name(), check.detail());
        }
        report.claim().ifPresent(claim -> printClaim(claim, out));
        if (report.complete()) {
            out.println("VALID " + what);
            return ServiceProofVerify.VALID;
        }
        if (report.valid()) {
            err.println("INCOMPLETE: nothing failed, but these checks were not made, so the " + what
                    + " is not proven: "
                    + report.notChecked().stream()
                            .map(c -> c.name() + " (" + c.detail() + ")")
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""));
            return ServiceProofVerify.INCOMPLETE;
        }
        err.println("INVALID: "
                + report.failures().stream()
                        .map(c -> c.name() + ": " + c.detail())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse(""));
        return ServiceProofVerify.INVALID;
    }

    /** What the credential attests, so a valid credential of non-conformance reads as such. */
    private static void printClaim(Claim claim, PrintWriter out) {
        out.printf("%-14s %s%n", "ATTESTS", claim.headline());
        out.printf(
                "%-14s assessor level %s, assessed %s, valid %s to %s%n",
                "",
                claim.assessorLevel(),
                claim.assessmentDate(),
                claim.validFrom(),
                claim.validUntil() == null ? "(no end)" : claim.validUntil());
        claim.thirdParty().ifPresent(attested -> printChain(attested, out));
        for (Claim.LayerSla sla : claim.serviceLevels()) {
            out.printf(
                    "%-14s service layer %s, %s: %d of %d objectives met (%d measured), %d breaches in 90 days%n",
                    "", sla.layer(), sla.period(), sla.met(), sla.published(), sla.measured(), sla.breaches());
        }
    }

    /**
     * A body's attestation rests on the exporter's declaration and on the body's accreditation; the
     * accreditation body's standing (IAF MLA, ILAC MRA) is for the reader to confirm, never taken
     * from the credential.
     */
    private static void printChain(Claim.ThirdParty attested, PrintWriter out) {
        out.printf(
                "%-14s %s for %s, assessment level %s; %d findings raised, %d open%n",
                "",
                attested.attestationType(),
                attested.issuedTo(),
                attested.assessmentLevel(),
                attested.findingsRaised(),
                attested.findingsOpen());
        out.printf(
                "%-14s rests on the declaration %s (%s), snapshot %s%n",
                "", attested.exporterCredential(), attested.exporterCredentialDigest(), attested.engagementDigest());
        if (attested.authorisations().isEmpty()) {
            out.printf("%-14s names NO accreditation: it rests on the body alone%n", "");
        }
        for (Claim.Authorisation a : attested.authorisations()) {
            out.printf(
                    "%-14s accreditation %s by %s, valid until %s: confirm it in that body's directory and its"
                            + " IAF MLA / ILAC MRA standing%n",
                    "", a.name(), a.accreditationBody(), a.validUntil());
        }
    }

    private static String label(CredentialVerifier.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "[ok]";
            case FAILED -> "[FAILED]";
            case NOT_CHECKED -> "[not checked]";
        };
    }
}
