package io.serviceproof.dossier;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.LogReader;
import io.serviceproof.verifier.credential.CredentialVerifier;
import io.serviceproof.verifier.dossier.DossierFormat;
import io.serviceproof.verifier.dossier.DossierVerifier;
import io.serviceproof.verifier.dossier.StrictZip;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import io.serviceproof.verifier.note.VerifierKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What the public verification page checks: an uploaded credential or dossier, with the same
 * verifier a third party runs offline. When the issuer is an organisation of this instance, its
 * DID document, current revocation list and log key come from here rather than from the upload, so
 * a forged dossier cannot bring its own key.
 */
@Service
public class PublicVerification {

    /** Uploads larger than this are refused with a message: verify those offline with the CLI. */
    public static final int MAX_UPLOAD = 64 * 1024 * 1024;
    /** A credential alone (not in a dossier) larger than this is refused before it is parsed. */
    public static final int MAX_CREDENTIAL = StrictZip.MAX_KEPT_BYTES;

    private final Credentials credentials;
    private final IssuerIdentity identity;
    private final OrganisationDirectory organisations;
    private final LogReader logReader;
    private final io.serviceproof.ledger.Witnessing witnessing;
    private final Clock clock;

    PublicVerification(
            Credentials credentials,
            IssuerIdentity identity,
            OrganisationDirectory organisations,
            LogReader logReader,
            io.serviceproof.ledger.Witnessing witnessing,
            Clock clock) {
        this.credentials = credentials;
        this.identity = identity;
        this.organisations = organisations;
        this.logReader = logReader;
        this.witnessing = witnessing;
        this.clock = clock;
    }

    /** What was uploaded, and the checks made on it. */
    public record Outcome(String kind, String issuer, boolean knownIssuer, CredentialVerifier.Report report) {

        /** The issuer's slug on this server, when it is hosted here. */
        public Optional<String> issuerSlug(IssuerIdentity identity) {
            return knownIssuer ? identity.slugOf(issuer) : Optional.empty();
        }
    }

    public Outcome verify(byte[] upload) {
        boolean zip = upload.length > 1 && upload[0] == 'P' && upload[1] == 'K';
        if (!zip && upload.length > MAX_CREDENTIAL) {
            // Parsed JSON takes many times its size in memory; a credential is tens of kilobytes.
            return new Outcome(
                    "credential",
                    null,
                    false,
                    new CredentialVerifier.Report(List.of(CredentialVerifier.Check.because(
                            "format",
                            CredentialVerifier.Outcome.FAILED,
                            "too-large",
                            "larger than " + MAX_CREDENTIAL + " bytes: not a credential",
                            Integer.toString(MAX_CREDENTIAL)))));
        }
        byte[] credential = zip ? credentialInside(upload) : upload;
        String issuerDid = issuerOf(credential);
        Optional<Organisation> issuer = identity.slugOf(issuerDid)
                .flatMap(organisations::findBySlug)
                .filter(o -> identity.did(o).equals(issuerDid));
        // Anchors for a hosted issuer are what this server publishes now (its current revocation list,
        // not the one a dossier was built with); for anyone else there are none, and the copies an
        // upload brings are never trusted: those checks read "not checked".
        DossierVerifier.Anchors anchors = issuer.map(this::publishedAnchors)
                .orElse(new DossierVerifier.Anchors(Optional.empty(), Optional.empty(), Optional.empty(), false));
        if (zip) {
            return new Outcome(
                    "dossier", issuerDid, issuer.isPresent(), DossierVerifier.verify(upload, anchors, clock.instant()));
        }
        // For a hosted issuer the log is here: the entries the credential's proofs name are read from it.
        Map<Long, byte[]> entries =
                issuer.map(o -> entriesNamedBy(o, credential)).orElse(Map.of());
        // A body's credential has a suspension entry too: for a hosted issuer, its current list.
        Optional<String> suspension = issuer.map(o -> credentials.suspensionListCredential(o.slug()));
        CredentialVerifier.Inputs inputs = new CredentialVerifier.Inputs(
                anchors.didDocument(), anchors.statusList(), anchors.logKey(), clock.instant(), entries, suspension);
        return new Outcome("credential", issuerDid, issuer.isPresent(), CredentialVerifier.verify(credential, inputs));
    }

    /** At most this many entries are read for one credential: ours name a few dozen. */
    private static final int MAX_ENTRIES = 1_000;

    private Map<Long, byte[]> entriesNamedBy(Organisation issuer, byte[] credential) {
        Map<Long, byte[]> entries = new java.util.HashMap<>();
        try {
            Object evidence = ((Map<?, ?>) Json.parse(new String(credential, StandardCharsets.UTF_8))).get("evidence");
            if (!(evidence instanceof List<?> items)) {
                return entries;
            }
            for (Object item : items) {
                if (entries.size() < MAX_ENTRIES
                        && item instanceof Map<?, ?> e
                        && e.get("sp:logIndex") instanceof Number index) {
                    try {
                        entries.put(
                                index.longValue(),
                                Tenancy.callAs(
                                        Actor.system(issuer.id(), "public:verify"),
                                        () -> logReader.entry(issuer.id(), index.longValue())));
                    } catch (io.serviceproof.common.NotFoundException absent) {
                        // The verifier reports an entry the log does not hold as not proven.
                    }
                }
            }
        } catch (JsonException | ClassCastException notACredential) {
            // The verifier reports the format.
        }
        return entries;
    }

    private DossierVerifier.Anchors publishedAnchors(Organisation o) {
        return new DossierVerifier.Anchors(
                Optional.of(canonical(credentials.didDocument(o.slug()))),
                Optional.of(credentials.statusListCredential(o.slug())),
                Optional.of(VerifierKey.parse(
                        Tenancy.callAs(Actor.system(o.id(), "public:verify"), () -> logReader.verifierKey(o.id())))),
                false,
                witnessing.policy(o.id()).map(io.serviceproof.verifier.witness.WitnessPolicy::parse));
    }

    /** A credential of this server by its public address {@code <slug>/<id>}, as the QR code in reports gives it. */
    public Outcome verifyIssued(String reference) {
        String[] parts = reference.split("/", 2);
        if (parts.length != 2) {
            throw new io.serviceproof.common.InvalidInputException("credential", "<organisation>/<credential id>");
        }
        return verify(credentials.publicCredential(parts[0], parts[1]).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] credentialInside(byte[] zip) {
        try {
            StrictZip.Entry credential =
                    StrictZip.read(zip, DossierFormat.CREDENTIAL::equals).get(DossierFormat.CREDENTIAL);
            return credential == null ? new byte[0] : credential.bytes();
        } catch (IllegalArgumentException e) {
            // The dossier verifier reports what is wrong with the archive.
            return new byte[0];
        }
    }

    private static String issuerOf(byte[] credential) {
        try {
            Object issuer = ((Map<?, ?>) Json.parse(new String(credential, StandardCharsets.UTF_8))).get("issuer");
            if (issuer instanceof Map<?, ?> m && m.get("id") instanceof String id) {
                return id;
            }
            return issuer instanceof String s ? s : null;
        } catch (JsonException | ClassCastException e) {
            return null;
        }
    }

    private static String canonical(Map<String, Object> document) {
        try {
            return Json.canonical(document);
        } catch (JsonException e) {
            throw new IllegalStateException(e);
        }
    }
}
