package io.serviceproof.dossier;

import io.serviceproof.assessment.Assessment;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.common.Sha256;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.ledger.Appended;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists and revokes the acting organisation's conformity credentials, and publishes its DID
 * document and revocation list. Issuance and revocation are appended to the organisation's log,
 * with the credential's digest, in the same transaction as the record.
 */
@Service
public class Credentials {

    private final CredentialRows rows;
    private final IssuerKeys keys;
    private final IssuerIdentity identity;
    private final IssuerSigner signer;
    private final RevocationLists revocation;
    private final AttestationFacts facts;
    private final Assessments assessments;
    private final Ledger ledger;
    private final OrganisationDirectory organisations;
    private final UserActionTrail trail;
    private final Clock clock;
    private final double minReadiness;

    Credentials(
            CredentialRows rows,
            IssuerKeys keys,
            IssuerIdentity identity,
            IssuerSigner signer,
            RevocationLists revocation,
            AttestationFacts facts,
            Assessments assessments,
            Ledger ledger,
            OrganisationDirectory organisations,
            UserActionTrail trail,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${serviceproof.credentials.confirm-below-readiness:0}")
                    double minReadiness) {
        this.minReadiness = minReadiness;
        this.rows = rows;
        this.keys = keys;
        this.identity = identity;
        this.signer = signer;
        this.revocation = revocation;
        this.facts = facts;
        this.assessments = assessments;
        this.ledger = ledger;
        this.organisations = organisations;
        this.trail = trail;
        this.clock = clock;
    }

    public List<Credential> credentials() {
        return rows.all();
    }

    public Credential credential(String id) {
        return rows.find(id).orElseThrow(() -> new NotFoundException("Credential", id));
    }

    /**
     * Issues a credential for a signed-off assessment. One that would attest non-conformance, or a
     * readiness below {@code serviceproof.credentials.confirm-below-readiness}, is issued only with a
     * reason ({@code belowReadinessReason}), which the trail records: a VALID credential that says
     * "not conformant" must never be issued by accident. Callers bring the SLA figures up to date
     * first ({@link CredentialIssuance}).
     */
    @Transactional
    public Credential issue(String assessmentId, String belowReadinessReason) {
        Assessment assessment;
        try {
            assessment = assessments.assessment(assessmentId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("assessmentId", "no such assessment");
        }
        if (!assessment.signedOff()) {
            throw new ConflictException("Only a signed-off assessment can be attested: sign it off first");
        }
        Organisation issuer = organisations.current();
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        int statusIndex = revocation.freeIndex();
        ConformityCredentials.Facts gathered = facts.gather(assessment, issuer, id, statusIndex, now);
        boolean belowBar = !ConformityCredentials.conformant(gathered.view())
                || gathered.view().score() < minReadiness;
        String reason = belowReadinessReason == null ? "" : belowReadinessReason.strip();
        if (belowBar && reason.isEmpty()) {
            throw new ConfirmationNeeded(gathered.view().score(), ConformityCredentials.conformant(gathered.view()));
        }
        String secured = signer.sign(issuer, ConformityCredentials.unsecured(gathered), now);
        Map<String, Object> logged = new LinkedHashMap<>(Map.of(
                "assessmentId", assessmentId, "market", assessment.market(), "confirmedBelowReadiness", belowBar));
        Credential credential = recordIssued(
                new Credential(
                        id,
                        assessmentId,
                        assessment.offeringId(),
                        assessment.market(),
                        statusIndex,
                        secured,
                        Sha256.hex(secured.getBytes(StandardCharsets.UTF_8)),
                        now,
                        Tenancy.actor().name(),
                        -1,
                        null,
                        null,
                        null),
                logged);
        String sha256 = credential.sha256();
        trail.record(
                "credential.issued",
                "credential",
                id,
                belowBar
                        ? Phrase.of("trail.detail.credential-issued.below-bar", assessment.title(), sha256, reason)
                        : Phrase.of("trail.detail.credential-issued", assessment.title(), sha256));
        return credential;
    }

    /**
     * Issues the acting organisation's credential as a conformity-assessment body, concluding an
     * engagement: signed with its own key, with a place in its own status list (so its withdrawal is
     * seen by every verifier), and logged in its own log like any issuance.
     */
    @Transactional
    public Credential issueThirdParty(ThirdPartyAttestation attestation) {
        Organisation issuer = organisations.current();
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        int statusIndex = revocation.freeIndex();
        ThirdPartyCredentials.Issuer who = new ThirdPartyCredentials.Issuer(
                identity.did(issuer),
                issuer.name(),
                identity.credentialUrl(issuer, id),
                identity.statusListUrl(issuer),
                identity.suspensionListUrl(issuer),
                identity.contextUrl());
        String secured =
                signer.sign(issuer, ThirdPartyCredentials.unsecured(attestation, who, id, statusIndex, now), now);
        Credential credential = recordIssued(
                new Credential(
                        id,
                        attestation.assessmentId(),
                        attestation.offeringId(),
                        attestation.market(),
                        statusIndex,
                        secured,
                        Sha256.hex(secured.getBytes(StandardCharsets.UTF_8)),
                        now,
                        Tenancy.actor().name(),
                        -1,
                        null,
                        null,
                        null,
                        attestation.engagementId(),
                        null,
                        null),
                new LinkedHashMap<>(Map.of(
                        "engagementId", attestation.engagementId(),
                        "market", attestation.market(),
                        "assessorLevel", "3rdParty")));
        String sha256 = credential.sha256();
        trail.record(
                "credential.attested",
                "credential",
                id,
                Phrase.of(
                        "trail.detail.credential-attested",
                        attestation.attestationType(),
                        attestation.exporterName(),
                        attestation.market(),
                        sha256));
        return credential;
    }

    /** A body suspends its credential: the bit in its suspension list is set, and the suspension logged. */
    @Transactional
    public Credential suspend(String id, String reason) {
        Credential credential = credential(id);
        Instant now = clock.instant();
        if (!rows.suspend(id, now, Tenancy.actor().name(), reason)) {
            throw new ConflictException(
                    credential.thirdParty()
                            ? "Only a valid, unsuspended credential can be suspended"
                            : "A self-declaration is revoked, not suspended");
        }
        logStatus(credential, "suspended", ":" + now.toEpochMilli(), now, Map.of("reason", reason));
        trail.record("credential.suspended", "credential", id, reason);
        return credential(id);
    }

    /** Lifts a suspension: the bit is cleared again, and the reinstatement logged. */
    @Transactional
    public Credential reinstate(String id) {
        Credential credential = credential(id);
        Instant now = clock.instant();
        if (!rows.reinstate(id, now)) {
            throw new ConflictException("Only a suspended, unrevoked credential can be reinstated");
        }
        logStatus(credential, "reinstated", ":" + now.toEpochMilli(), now, Map.of());
        trail.record("credential.reinstated", "credential", id, Phrase.of("trail.detail.suspension-lifted"));
        return credential(id);
    }

    /** The organisation's suspension list, a signed BitstringStatusListCredential (public). */
    public String suspensionListCredential(String slug) {
        return revocation.suspensionCredential(organisations.requireBySlug(slug));
    }

    /** The organisation's did:web, as its credentials name it. */
    public String did(Organisation organisation) {
        return identity.did(organisation);
    }

    /** Where a credential of the organisation is published. */
    public String credentialUrl(Organisation organisation, String credentialId) {
        return identity.credentialUrl(organisation, credentialId);
    }

    /** Revokes a credential: its bit in the status list is set, and the revocation is logged. */
    @Transactional
    public Credential revoke(String id, String reason) {
        Credential credential = credential(id);
        if (credential.revoked()) {
            throw new ConflictException("Credential " + id + " was already revoked on " + credential.revokedAt());
        }
        Instant now = clock.instant();
        Appended appended = logStatus(credential, "revoked", "", now, Map.of("reason", reason));
        if (!rows.revoke(id, now, Tenancy.actor().name(), reason, appended.index())) {
            throw new ConflictException("Credential " + id + " was revoked by someone else a moment ago");
        }
        trail.record("credential.revoked", "credential", id, reason);
        return credential(id);
    }

    /**
     * Logs an issuance ({@code credential.issued}: the credential's id, digest and place in the status
     * list, with {@code details}) and keeps the credential with the log position, in the caller's
     * transaction: a credential exists only together with its log entry.
     */
    private Credential recordIssued(Credential unlogged, Map<String, Object> details) {
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("credentialId", unlogged.id());
        payload.put("statusListIndex", unlogged.statusIndex());
        Appended appended = ledger.append(new EntryDraft(
                "credential:" + unlogged.id() + ":issued",
                "credential.issued",
                unlogged.issuedAt(),
                null,
                List.of(Map.of("sha256", unlogged.sha256())),
                payload,
                null));
        Credential credential = new Credential(
                unlogged.id(),
                unlogged.assessmentId(),
                unlogged.offeringId(),
                unlogged.market(),
                unlogged.statusIndex(),
                unlogged.document(),
                unlogged.sha256(),
                unlogged.issuedAt(),
                unlogged.issuedBy(),
                appended.index(),
                null,
                null,
                null,
                unlogged.engagementId(),
                null,
                null);
        rows.insert(credential);
        return credential;
    }

    /** Logs a change of a credential's status ({@code credential.<change>}) with its digest and place in the list. */
    private Appended logStatus(
            Credential credential, String change, String eventSuffix, Instant at, Map<String, Object> details) {
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("credentialId", credential.id());
        payload.put("statusListIndex", credential.statusIndex());
        return ledger.append(new EntryDraft(
                "credential:" + credential.id() + ":" + change + eventSuffix,
                "credential." + change,
                at,
                null,
                List.of(Map.of("sha256", credential.sha256())),
                payload,
                null));
    }

    /**
     * A credential by its public address {@code /orgs/<slug>/credentials/<id>}: its random id makes
     * the address a capability the holder shares with whoever should verify it.
     */
    public String publicCredential(String slug, String id) {
        Organisation organisation = organisations.requireBySlug(slug);
        return io.serviceproof.identity.Tenancy.callAs(
                io.serviceproof.identity.Actor.system(organisation.id(), "public:credential"),
                () -> credential(id).document());
    }

    /** The organisation's DID document (public). */
    public Map<String, Object> didDocument(String slug) {
        Organisation organisation = organisations.requireBySlug(slug);
        return identity.didDocument(organisation, keys.publicKey(organisation.id()));
    }

    /** The organisation's revocation list, a signed BitstringStatusListCredential (public). */
    public String statusListCredential(String slug) {
        return revocation.credential(organisations.requireBySlug(slug));
    }

    /** Issuing would attest non-conformance or a readiness below the bar, and no reason was given. */
    public static class ConfirmationNeeded extends ConflictException {

        public ConfirmationNeeded(double readiness, boolean conformant) {
            super("This credential would attest " + (conformant ? "" : "NON-CONFORMANCE at ") + readiness
                    + " % readiness: issue it only deliberately, with a reason (belowReadinessReason)");
        }
    }
}
