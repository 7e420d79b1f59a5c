package io.serviceproof.attestation;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Provenance;
import io.serviceproof.catalog.ProvenanceTag;
import io.serviceproof.catalog.Recorded;
import io.serviceproof.catalog.recognition.Accreditation;
import io.serviceproof.catalog.recognition.ConformityResult;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.Sha256;
import io.serviceproof.common.UnprocessableDocumentException;
import io.serviceproof.dossier.Credentials;
import io.serviceproof.dossier.IssuerIdentity;
import io.serviceproof.dossier.PublicVerification;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.verifier.credential.Claim;
import io.serviceproof.verifier.credential.CredentialVerifier;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A body's credential the exporter already holds (issued on another server, or here outside an
 * engagement), taken into the exporter's recognition layer once it is proven: every check made and
 * passed, a third party's, issued to this organisation, certifying a framework edition. A body of
 * this server is checked against what it publishes here, whatever the upload brings. A body
 * elsewhere is checked against the DID document and status lists the importer supplies; the
 * recorded result then names the importer as the one who vouches for that key.
 */
@Service
public class AttestationImports {

    /** What the importer gives: the credential, and for a body elsewhere its anchors. */
    public record Upload(String credential, String didDocument, String statusList, String suspensionList) {}

    private final Credentials credentials;
    private final IssuerIdentity identity;
    private final OrganisationDirectory organisations;
    private final Catalog catalog;
    private final Ledger ledger;
    private final UserActionTrail trail;
    private final Clock clock;

    AttestationImports(
            Credentials credentials,
            IssuerIdentity identity,
            OrganisationDirectory organisations,
            Catalog catalog,
            Ledger ledger,
            UserActionTrail trail,
            Clock clock) {
        this.credentials = credentials;
        this.identity = identity;
        this.organisations = organisations;
        this.catalog = catalog;
        this.ledger = ledger;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional
    public Recorded<ConformityResult> importCredential(Upload upload) {
        String document = upload == null || upload.credential() == null
                ? ""
                : upload.credential().strip();
        if (document.isEmpty() || document.length() > PublicVerification.MAX_CREDENTIAL) {
            throw new InvalidInputException(
                    "credential",
                    "the body's credential as JSON, at most " + PublicVerification.MAX_CREDENTIAL + " bytes");
        }
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        Claim claim = Claim.of(bytes)
                .orElseThrow(() -> new InvalidInputException("credential", "not a conformity credential"));
        Claim.ThirdParty attested = claim.thirdParty()
                .orElseThrow(() -> new InvalidInputException(
                        "credential",
                        "a self-declaration (assessor level " + claim.assessorLevel() + "), not a third party's"));
        Organisation exporter = organisations.current();
        String ours = credentials.did(exporter);
        if (!ours.equals(attested.issuedToId())) {
            throw new InvalidInputException(
                    "credential", "issued to " + attested.issuedToId() + ", not to this organisation (" + ours + ")");
        }
        if (attested.certifiedFramework() == null
                || !attested.certifiedFramework().contains("@")) {
            throw new InvalidInputException(
                    "credential", "it certifies no framework edition, so no market rule can count it");
        }
        Optional<Organisation> hosted = identity.slugOf(claim.issuerId())
                .flatMap(organisations::findBySlug)
                .filter(o -> identity.did(o).equals(claim.issuerId()));
        CredentialVerifier.Report report = CredentialVerifier.verify(bytes, inputs(hosted, upload));
        if (!report.complete()) {
            List<UnprocessableDocumentException.Problem> problems = report.checks().stream()
                    .filter(c -> c.outcome() != CredentialVerifier.Outcome.PASSED)
                    .map(c -> new UnprocessableDocumentException.Problem(c.name(), c.outcome() + ": " + c.detail()))
                    .toList();
            throw new UnprocessableDocumentException(
                    "The credential is not proven: every check must be made and pass", problems);
        }
        String key = "attestation:" + credentialId(document);
        if (catalog.conformityResults().stream().anyMatch(r -> r.record().key().equals(key))) {
            throw new ConflictException("This credential is already in the recognition layer");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String body = claim.issuerName() == null ? claim.issuerId() : claim.issuerName();
        String source = claim.issuerId() + " credential " + credentialId(document);
        Provenance provenance = hosted.isPresent()
                ? Provenance.reviewed(
                        ProvenanceTag.P,
                        credentials.credentialUrl(hosted.get(), credentialId(document)),
                        "signature and status verified against " + claim.issuerId() + "'s published anchors",
                        today)
                : Provenance.reviewed(
                        ProvenanceTag.S,
                        source + " (DID document supplied at import)",
                        Tenancy.actor().name() + ", who supplied the issuer's key",
                        today);
        Recorded<ConformityResult> recorded = catalog.recordConformityResult(
                new ConformityResult(
                        key,
                        BodyKind.fromToken(attested.attestationType()).resultKind(),
                        attested.certifiedFramework(),
                        null,
                        "Market profile " + claim.market(),
                        body,
                        attested.authorisations().isEmpty()
                                ? null
                                : number(attested.authorisations().get(0)),
                        date(claim.validFrom(), today),
                        claim.validUntil() == null ? null : date(claim.validUntil(), today),
                        "active",
                        List.of()),
                provenance);
        for (Claim.Authorisation a : attested.authorisations()) {
            // The body's statement of its accreditation: unreviewed until checked in the directory.
            catalog.recordAccreditation(
                    new Accreditation(
                            number(a),
                            a.accreditationBody(),
                            body,
                            a.name(),
                            attested.certifiedFramework(),
                            number(a),
                            null,
                            a.validUntil() == null ? null : date(a.validUntil(), today)),
                    Provenance.of(ProvenanceTag.S, "stated in " + source));
        }
        String sha256 = Sha256.hex(bytes);
        Instant now = clock.instant();
        ledger.append(new EntryDraft(
                "attestation:" + credentialId(document) + ":imported",
                "attestation.imported",
                now,
                null,
                List.of(Map.of("sha256", sha256)),
                new LinkedHashMap<>(Map.of("issuer", claim.issuerId(), "resultId", recorded.id())),
                null));
        trail.record("attestation.imported", "conformity-result", recorded.id(), body + " " + sha256);
        return recorded;
    }

    private CredentialVerifier.Inputs inputs(Optional<Organisation> hosted, Upload upload) {
        if (hosted.isPresent()) {
            String slug = hosted.get().slug();
            return new CredentialVerifier.Inputs(
                    Optional.of(canonical(credentials.didDocument(slug))),
                    Optional.of(credentials.statusListCredential(slug)),
                    Optional.empty(),
                    clock.instant(),
                    Map.of(),
                    Optional.of(credentials.suspensionListCredential(slug)));
        }
        return new CredentialVerifier.Inputs(
                optional(upload.didDocument()),
                optional(upload.statusList()),
                Optional.empty(),
                clock.instant(),
                Map.of(),
                optional(upload.suspensionList()));
    }

    /** The accreditation number as the body names it: the last word of "<scheme> accreditation <number>: …". */
    private static String number(Claim.Authorisation a) {
        String name = a.name() == null ? "" : a.name();
        int marker = name.indexOf(" accreditation ");
        String rest = marker < 0 ? name : name.substring(marker + " accreditation ".length());
        int colon = rest.indexOf(':');
        return (colon < 0 ? rest : rest.substring(0, colon)).strip();
    }

    private static String credentialId(String document) {
        try {
            Object id = ((Map<?, ?>) Json.parse(document)).get("id");
            String text = String.valueOf(id);
            return text.startsWith("urn:uuid:") ? text.substring("urn:uuid:".length()) : text;
        } catch (JsonException | ClassCastException e) {
            throw new InvalidInputException("credential", "not a JSON object");
        }
    }

    private static LocalDate date(String instant, LocalDate fallback) {
        try {
            return instant.length() == 10
                    ? LocalDate.parse(instant)
                    : LocalDate.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static Optional<String> optional(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static String canonical(Map<String, Object> document) {
        try {
            return Json.canonical(document);
        } catch (JsonException e) {
            throw new IllegalStateException("a DID document is plain JSON", e);
        }
    }
}
