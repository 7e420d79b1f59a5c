package io.serviceproof.attestation;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Provenance;
import io.serviceproof.catalog.ProvenanceTag;
import io.serviceproof.catalog.recognition.Accreditation;
import io.serviceproof.catalog.recognition.ConformityResult;
import io.serviceproof.common.ConflictException;
import io.serviceproof.dossier.Credential;
import io.serviceproof.dossier.Credentials;
import io.serviceproof.dossier.ThirdPartyAttestation;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.ledger.LogReader;
import io.serviceproof.ledger.WitnessCosigner;
import io.serviceproof.ledger.Witnessing;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The body's attestation, and what follows from it on the exporter's side. The body issues its own
 * credential (its key, its status list) once no major nonconformity is open; the exporter's log
 * records it; and the exporter's recognition layer gains a conformity result from it, which
 * readiness per market counts by the markets' acceptance rules like any other. The body's
 * accreditation enters the exporter's layer as the body's claim, unreviewed, so no verdict rests on
 * it until the exporter's compliance manager checks it against the accreditation body's record.
 */
@Service
public class Attestations {

    private final Engagements engagements;
    private final FindingRows findings;
    private final EngagementRows rows;
    private final ConformityBodies bodies;
    private final Credentials credentials;
    private final Catalog catalog;
    private final Ledger ledger;
    private final LogReader log;
    private final Witnessing witnessing;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    Attestations(
            Engagements engagements,
            FindingRows findings,
            EngagementRows rows,
            ConformityBodies bodies,
            Credentials credentials,
            Catalog catalog,
            Ledger ledger,
            LogReader log,
            Witnessing witnessing,
            OrganisationDirectory organisations,
            Clock clock) {
        this.engagements = engagements;
        this.findings = findings;
        this.rows = rows;
        this.bodies = bodies;
        this.credentials = credentials;
        this.catalog = catalog;
        this.ledger = ledger;
        this.log = log;
        this.witnessing = witnessing;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Transactional
    public Credential attest(String engagementId) {
        Engagement engagement = engagements.find(engagementId);
        engagements.requireSide(engagement, Engagements.Side.BODY);
        engagements.requireOpen(engagement);
        if (engagement.attested()) {
            throw new ConflictException(
                    "This engagement was already concluded with credential " + engagement.attestationId());
        }
        List<Finding> all = findings.of(engagementId);
        long blocking = all.stream().filter(Finding::blocksAttestation).count();
        if (blocking > 0) {
            throw new ConflictException(blocking + " major nonconformit" + (blocking == 1 ? "y is" : "ies are")
                    + " not closed: close them before attesting");
        }
        Organisation body = organisations.current();
        Organisation exporter = organisations.findById(engagement.exporterId()).orElseThrow();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<BodyAccreditation> accreditations = bodies.accreditations(body).stream()
                .filter(a -> a.validOn(today))
                .filter(a -> engagement.framework() == null || a.covers(engagement.framework()))
                .toList();
        JsonNode snapshot = engagements.snapshotTree(engagement);
        ThirdPartyAttestation attestation = new ThirdPartyAttestation(
                engagement.id(),
                engagement.kind().attestationType(),
                snapshot.path("exporter").path("did").asString(),
                exporter.name(),
                engagement.assessmentId(),
                snapshot.path("assessment").path("title").asString(),
                snapshot.path("assessment").path("offeringId").asString(),
                snapshot.path("assessment").path("offering").asString(),
                engagement.market(),
                engagement.framework(),
                true,
                criteria(snapshot, all),
                accreditations.stream()
                        .map(a -> new ThirdPartyAttestation.Authorisation(
                                a.certificateNumber(),
                                a.scheme(),
                                String.join(", ", a.standards()),
                                a.accreditationBody(),
                                a.validTo(),
                                a.evidenceUrl()))
                        .toList(),
                snapshot.path("credential").path("url").asString(),
                snapshot.path("credential").path("sha256").asString(),
                engagement.snapshotSha256(),
                log.checkpoint(engagement.exporterId()),
                engagement.witnessName(),
                witnessedSize(engagement),
                all.stream().filter(f -> f.grade().raised()).count(),
                all.stream()
                        .filter(f -> f.grade().raised() && f.status() != Finding.Status.CLOSED)
                        .count(),
                Tenancy.actor().name(),
                today);
        Credential credential = credentials.issueThirdParty(attestation);
        Instant now = clock.instant();
        if (!rows.attested(engagementId, credential.id(), now)) {
            throw new ConflictException("This engagement was concluded by someone else a moment ago");
        }
        ledger.appendAllFor(
                engagement.exporterId(),
                List.of(new EntryDraft(
                        "engagement:" + engagementId + ":attested",
                        "engagement.attested",
                        now,
                        null,
                        List.of(Map.of("sha256", credential.sha256())),
                        new LinkedHashMap<>(Map.of(
                                "engagementId", engagementId,
                                "body", body.slug(),
                                "credential", credentials.credentialUrl(body, credential.id()))),
                        null)));
        engagements.asExporter(engagement, () -> {
            recordResult(engagement, body, credential, accreditations, today);
            return null;
        });
        return credential;
    }

    /** The body withdraws its attestation: its status bit is set, and the exporter's result says so. */
    @Transactional
    public Credential withdraw(String engagementId, String reason) {
        Engagement engagement = engagements.find(engagementId);
        engagements.requireSide(engagement, Engagements.Side.BODY);
        if (!engagement.attested()) {
            throw new ConflictException("Nothing to withdraw: this engagement has no attestation");
        }
        Credential withdrawn = credentials.revoke(engagement.attestationId(), reason);
        engagements.asExporter(engagement, () -> {
            catalog.conformityResults().stream()
                    .filter(r -> resultKey(engagement.attestationId())
                            .equals(r.record().key()))
                    .forEach(r -> catalog.setConformityResultStatus(r.id(), "withdrawn"));
            return null;
        });
        return withdrawn;
    }

    /** The body suspends its attestation for now (e.g. a surveillance audit is overdue). */
    @Transactional
    public Credential suspend(String engagementId, String reason) {
        Engagement engagement = attestedByUs(engagementId);
        Credential suspended = credentials.suspend(engagement.attestationId(), reason);
        exportersResult(engagement, "suspended");
        return suspended;
    }

    /** The body lifts its suspension: verifiers see the credential in force again. */
    @Transactional
    public Credential reinstate(String engagementId) {
        Engagement engagement = attestedByUs(engagementId);
        Credential reinstated = credentials.reinstate(engagement.attestationId());
        exportersResult(engagement, "active");
        return reinstated;
    }

    private Engagement attestedByUs(String engagementId) {
        Engagement engagement = engagements.find(engagementId);
        engagements.requireSide(engagement, Engagements.Side.BODY);
        if (!engagement.attested()) {
            throw new ConflictException("This engagement has no attestation");
        }
        return engagement;
    }

    /** The exporter's conformity result from this attestation follows its status at the body. */
    private void exportersResult(Engagement engagement, String status) {
        engagements.asExporter(engagement, () -> {
            catalog.conformityResults().stream()
                    .filter(r -> resultKey(engagement.attestationId())
                            .equals(r.record().key()))
                    .forEach(r -> catalog.setConformityResultStatus(r.id(), status));
            return null;
        });
    }

    private void recordResult(
            Engagement engagement,
            Organisation body,
            Credential credential,
            List<BodyAccreditation> accreditations,
            LocalDate today) {
        if (engagement.framework() == null) {
            return;
        }
        String url = credentials.credentialUrl(body, credential.id());
        BodyAccreditation accreditation = accreditations.isEmpty() ? null : accreditations.get(0);
        // The result itself is what the body signed: its source is the credential, checked by signature.
        catalog.recordConformityResult(
                new ConformityResult(
                        resultKey(credential.id()),
                        engagement.kind().resultKind(),
                        engagement.framework(),
                        null,
                        "Market profile " + engagement.market() + " of the engaged offering",
                        body.name(),
                        accreditation == null ? null : accreditation.certificateNumber(),
                        today,
                        today.plusDays(365),
                        "active",
                        List.of()),
                Provenance.reviewed(
                        ProvenanceTag.P, url, "signature of " + credentials.did(body) + " verified on issue", today));
        if (accreditation != null
                && catalog.accreditations().stream()
                        .noneMatch(a -> a.record().number().equals(accreditation.certificateNumber())
                                && a.record().conformityBody().equals(body.name()))) {
            catalog.recordAccreditation(
                    new Accreditation(
                            accreditation.certificateNumber(),
                            accreditation.accreditationBody(),
                            body.name(),
                            accreditation.scheme(),
                            String.join(" + ", accreditation.standards()),
                            accreditation.certificateNumber(),
                            accreditation.validFrom(),
                            accreditation.validTo()),
                    Provenance.of(ProvenanceTag.S, accreditation.evidenceUrl()));
        }
    }

    private Long witnessedSize(Engagement engagement) {
        if (engagement.witnessName() == null) {
            return null;
        }
        return witnessing.witnesses(engagement.exporterId()).stream()
                .filter(w -> w.label().equals(engagement.witnessName()))
                .map(WitnessCosigner.WitnessStatus::cosignedSize)
                .findFirst()
                .orElse(0L);
    }

    private static List<ThirdPartyAttestation.Criterion> criteria(JsonNode snapshot, List<Finding> all) {
        List<ThirdPartyAttestation.Criterion> criteria = new ArrayList<>();
        for (JsonNode r : snapshot.path("assessment").path("results")) {
            String id = r.path("requirementId").asString();
            String grade = all.stream()
                    .filter(f -> f.requirementId().equals(id))
                    .reduce((a, b) -> b)
                    .map(f -> f.grade().token()
                            + (f.grade().raised() ? " (" + f.status().token() + ")" : ""))
                    .orElse("not sampled");
            criteria.add(new ThirdPartyAttestation.Criterion(
                    id,
                    r.path("label").asString(),
                    r.path("title").asString(),
                    r.path("basis").asString(),
                    r.path("result").asString(),
                    grade));
        }
        return criteria;
    }

    static String resultKey(String credentialId) {
        return "attestation:" + credentialId;
    }
}
