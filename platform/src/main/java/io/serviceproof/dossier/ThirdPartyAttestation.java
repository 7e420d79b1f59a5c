package io.serviceproof.dossier;

import java.time.LocalDate;
import java.util.List;

/**
 * What a conformity-assessment body attests at the end of an engagement: whose offering, against
 * which market profile (and, when certifying, which framework edition), under which accreditation,
 * with which findings, resting on which of the exporter's artefacts. The body's own credential is
 * built from this ({@link ThirdPartyCredentials}).
 *
 * @param attestationType UNTP's code: {@code certification} or {@code inspection}
 * @param exporterDid the exporter's did:web, the party the attestation is issued to
 * @param framework {@code key@edition} certified, or null when the body attests the market profile only
 * @param snapshotSha256 digest of the frozen engagement snapshot the body reviewed (its dossier)
 * @param checkpoint the exporter's log checkpoint at attestation (signed note), with the body's
 *     witness cosignature on it when the body witnesses that log
 */
public record ThirdPartyAttestation(
        String engagementId,
        String attestationType,
        String exporterDid,
        String exporterName,
        String assessmentId,
        String assessmentTitle,
        String offeringId,
        String offeringName,
        String market,
        String framework,
        boolean conformance,
        List<Criterion> criteria,
        List<Authorisation> authorisations,
        String exporterCredentialUrl,
        String exporterCredentialSha256,
        String snapshotSha256,
        String checkpoint,
        String witnessName,
        Long witnessedTreeSize,
        long findingsRaised,
        long findingsOpen,
        String leadAuditor,
        LocalDate auditDate) {

    public ThirdPartyAttestation {
        criteria = List.copyOf(criteria);
        authorisations = List.copyOf(authorisations);
    }

    /** One requirement as the body found it: the exporter's result, and the body's grade. */
    public record Criterion(
            String requirementId, String label, String title, String basis, String result, String grade) {}

    /** The accreditation the body attests under, as its certificate states it. */
    public record Authorisation(
            String number,
            String scheme,
            String scope,
            String accreditationBody,
            LocalDate validTo,
            String evidenceUrl) {}
}
