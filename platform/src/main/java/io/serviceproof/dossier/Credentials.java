package io.serviceproof.dossier;

import io.serviceproof.assessment.Assessment;
import io.serviceproof.assessment.AssessmentView;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Sha256;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.ledger.Appended;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.ledger.LogReader;
import io.serviceproof.services.LayerVersion;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.ServiceLayer;
import io.serviceproof.verifier.credential.BitstringStatusList;
import io.serviceproof.verifier.credential.EddsaJcs2022;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CredentialRows rows;
    private final IssuerKeys keys;
    private final IssuerIdentity identity;
    private final Assessments assessments;
    private final Offerings offerings;
    private final Ledger ledger;
    private final LogReader logReader;
    private final OrganisationDirectory organisations;
    private final UserActionTrail trail;
    private final AttestedEvidence attested;
    private final io.serviceproof.sla.SlaAttainment sla;
    private final Clock clock;

    Credentials(
            CredentialRows rows,
            IssuerKeys keys,
            IssuerIdentity identity,
            Assessments assessments,
            Offerings offerings,
            Ledger ledger,
            LogReader logReader,
            OrganisationDirectory organisations,
            UserActionTrail trail,
            AttestedEvidence attested,
            io.serviceproof.sla.SlaAttainment sla,
            Clock clock) {
        this.rows = rows;
        this.keys = keys;
        this.identity = identity;
        this.assessments = assessments;
        this.offerings = offerings;
        this.ledger = ledger;
        this.logReader = logReader;
        this.organisations = organisations;
        this.trail = trail;
        this.attested = attested;
        this.sla = sla;
        this.clock = clock;
    }

    public List<Credential> credentials() {
        return rows.all();
    }

    public Credential credential(String id) {
        return rows.find(id).orElseThrow(() -> new NotFoundException("Credential", id));
    }

    /** Issues a credential for a signed-off assessment. */
    @Transactional
    public Credential issue(String assessmentId) {
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
        // The proofs below need the facts in a published checkpoint.
        logReader.publishNow(issuer.id());
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        AssessmentView view = assessments.view(assessmentId);
        List<ConformityCredentials.CoveredLayer> layers = new ArrayList<>();
        for (ServiceLayer layer : offerings.layers(assessment.offeringId())) {
            offerings.versions(layer.id()).stream()
                    .filter(v -> !v.publishedAt().isAfter(assessment.signedAt()))
                    .reduce((a, b) -> b.version() > a.version() ? b : a)
                    .ifPresent(v -> layers.add(
                            new ConformityCredentials.CoveredLayer(layer.code(), layer.name(), v, proof(issuer, v))));
        }
        Map<String, Object> unsecured = ConformityCredentials.unsecured(new ConformityCredentials.Facts(
                id,
                issuer,
                identity.did(issuer),
                identity.credentialUrl(issuer, id),
                identity.statusListUrl(issuer),
                identity.contextUrl(),
                freeStatusIndex(),
                offerings.offering(assessment.offeringId()),
                assessment,
                view,
                new String(logReader.tlogProof(issuer.id(), assessment.ledgerIndex()), StandardCharsets.UTF_8),
                layers,
                attested.of(view, assessment.offeringId()).stream()
                        .map(e -> new ConformityCredentials.AttestedFile(
                                e.item().title(),
                                e.latest().version(),
                                e.latest().sha256(),
                                e.latest().ledgerIndex(),
                                e.latest().ledgerIndex() == null
                                        ? null
                                        : new String(
                                                logReader.tlogProof(
                                                        issuer.id(), e.latest().ledgerIndex()),
                                                StandardCharsets.UTF_8)))
                        .toList(),
                attainment(assessment.offeringId()),
                now));
        String secured = sign(issuer, unsecured, now);
        String sha256 = Sha256.hex(secured.getBytes(StandardCharsets.UTF_8));
        int statusIndex = Integer.parseInt(
                (String) ((Map<?, ?>) ((List<?>) unsecured.get("credentialStatus")).get(0)).get("statusListIndex"));
        Appended appended = ledger.append(new EntryDraft(
                "credential:" + id + ":issued",
                "credential.issued",
                now,
                null,
                List.of(Map.of("sha256", sha256)),
                new LinkedHashMap<>(Map.of(
                        "credentialId", id,
                        "assessmentId", assessmentId,
                        "market", assessment.market(),
                        "statusListIndex", statusIndex)),
                null));
        Credential credential = new Credential(
                id,
                assessmentId,
                assessment.offeringId(),
                assessment.market(),
                statusIndex,
                secured,
                sha256,
                now,
                Tenancy.actor().name(),
                appended.index(),
                null,
                null,
                null);
        rows.insert(credential);
        trail.record("credential.issued", "credential", id, assessment.title() + " " + sha256);
        return credential;
    }

    /** Revokes a credential: its bit in the status list is set, and the revocation is logged. */
    @Transactional
    public Credential revoke(String id, String reason) {
        Credential credential = credential(id);
        if (credential.revoked()) {
            throw new ConflictException("Credential " + id + " was already revoked on " + credential.revokedAt());
        }
        Instant now = clock.instant();
        Appended appended = ledger.append(new EntryDraft(
                "credential:" + id + ":revoked",
                "credential.revoked",
                now,
                null,
                List.of(Map.of("sha256", credential.sha256())),
                new LinkedHashMap<>(
                        Map.of("credentialId", id, "statusListIndex", credential.statusIndex(), "reason", reason)),
                null));
        if (!rows.revoke(id, now, Tenancy.actor().name(), reason, appended.index())) {
            throw new ConflictException("Credential " + id + " was revoked by someone else a moment ago");
        }
        trail.record("credential.revoked", "credential", id, reason);
        return credential(id);
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

    /**
     * The organisation's revocation list as a signed BitstringStatusListCredential (public). Signed
     * as of the list's last change, so the same list always serves the same bytes.
     */
    public String statusListCredential(String slug) {
        Organisation organisation = organisations.requireBySlug(slug);
        BitstringStatusList list = BitstringStatusList.empty();
        for (int index : rows.revokedIndexes(organisation.id())) {
            list = list.with(index, true);
        }
        Instant asOf = rows.listChangedAt(organisation.id())
                .orElse(organisation.createdAt())
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String url = identity.statusListUrl(organisation);
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(ConformityCredentials.VC_CONTEXT));
        vc.put("id", url);
        vc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        vc.put("issuer", identity.did(organisation));
        vc.put("validFrom", asOf.toString());
        vc.put(
                "credentialSubject",
                Map.of(
                        "id",
                        url + "#list",
                        "type",
                        "BitstringStatusList",
                        "statusPurpose",
                        "revocation",
                        "encodedList",
                        list.encode()));
        return sign(organisation, vc, asOf);
    }

    private String sign(Organisation organisation, Map<String, Object> unsecured, Instant created) {
        String json;
        try {
            json = Json.canonical(unsecured);
        } catch (JsonException e) {
            throw new IllegalStateException("a credential is plain JSON data", e);
        }
        EddsaJcs2022.ProofOptions options = new EddsaJcs2022.ProofOptions(
                created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                identity.verificationMethod(organisation),
                "assertionMethod");
        return keys.withSeed(organisation.id(), seed -> {
            try {
                return Json.canonicalize(EddsaJcs2022.sign(json, options, seed));
            } catch (JsonException e) {
                throw new IllegalStateException("a signed credential is plain JSON data", e);
            }
        });
    }

    /** Each layer's measured service levels: the tracker's last closed period and recent breaches. */
    private List<ConformityCredentials.Attainment> attainment(String offeringId) {
        List<ServiceLayer> layers = offerings.layers(offeringId);
        List<io.serviceproof.sla.SlaBreach> breaches = sla.recentBreaches(layers);
        List<ConformityCredentials.Attainment> attainment = new ArrayList<>();
        for (ServiceLayer layer : layers) {
            var a = sla.lastClosedPeriod(layer);
            attainment.add(new ConformityCredentials.Attainment(
                    layer.code(), a.period(), a.met(), a.measured(), a.published(), (int) breaches.stream()
                            .filter(b -> b.layerId().equals(layer.id()))
                            .count()));
        }
        return attainment;
    }

    private String proof(Organisation organisation, LayerVersion version) {
        return new String(logReader.tlogProof(organisation.id(), version.ledgerIndex()), StandardCharsets.UTF_8);
    }

    /** A random free place in the list: indexes in issue order would tell a reader how many were issued. */
    private int freeStatusIndex() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int index = RANDOM.nextInt(BitstringStatusList.MINIMUM_ENTRIES);
            if (!rows.statusIndexTaken(index)) {
                return index;
            }
        }
        throw new IllegalStateException("the status list is nearly full");
    }
}
