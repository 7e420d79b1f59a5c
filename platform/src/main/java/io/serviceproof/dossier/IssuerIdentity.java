package io.serviceproof.dossier;

import io.serviceproof.identity.Organisation;
import io.serviceproof.verifier.credential.Multikey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How an organisation is named as an issuer: {@code did:web:<public host>:orgs:<slug>}, whose DID
 * document did:web resolution fetches from {@code https://<public host>/orgs/<slug>/did.json}
 * (a port in the host is percent-encoded, {@code localhost%3A8080}).
 */
@Component
public class IssuerIdentity {

    public static final String KEY_FRAGMENT = "#key-1";

    private final String publicHost;
    private final String publicUrl;

    IssuerIdentity(
            io.serviceproof.common.PublicHost publicHost,
            @Value("${serviceproof.public-url:http://${serviceproof.public-host:localhost:8080}}") String publicUrl) {
        this.publicHost = publicHost.value();
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    public String did(Organisation organisation) {
        return "did:web:" + URLEncoder.encode(publicHost, StandardCharsets.UTF_8) + ":orgs:" + organisation.slug();
    }

    /** The organisation slug a DID of this server names, if it is one. */
    public java.util.Optional<String> slugOf(String did) {
        String prefix = "did:web:" + URLEncoder.encode(publicHost, StandardCharsets.UTF_8) + ":orgs:";
        if (did == null || !did.startsWith(prefix) || did.length() == prefix.length()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(did.substring(prefix.length()));
    }

    public String verificationMethod(Organisation organisation) {
        return did(organisation) + KEY_FRAGMENT;
    }

    /** Where the organisation's revocation list is published. */
    public String statusListUrl(Organisation organisation) {
        return publicUrl + "/orgs/" + organisation.slug() + "/credentials/status/1";
    }

    /** Where the organisation's suspension list is published (used by its credentials as a body). */
    public String suspensionListUrl(Organisation organisation) {
        return publicUrl + "/orgs/" + organisation.slug() + "/credentials/status/2";
    }

    /** The public verification page, opened on one credential (printed in reports as a QR code). */
    public String verifyUrl(Organisation organisation, String credentialId) {
        return publicUrl + "/verify?credential=" + organisation.slug() + "/" + credentialId;
    }

    /** The JSON-LD context of our own terms, served by every instance. */
    public String contextUrl() {
        return publicUrl + "/contexts/serviceproof-v1.jsonld";
    }

    public String credentialUrl(Organisation organisation, String credentialId) {
        return publicUrl + "/orgs/" + organisation.slug() + "/credentials/" + credentialId;
    }

    /** The DID document: one Ed25519 Multikey, for assertions (credentials) and authentication. */
    Map<String, Object> didDocument(Organisation organisation, byte[] publicKey) {
        String did = did(organisation);
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("id", did + KEY_FRAGMENT);
        method.put("type", "Multikey");
        method.put("controller", did);
        method.put("publicKeyMultibase", Multikey.encodePublic(publicKey));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"));
        document.put("id", did);
        document.put("verificationMethod", List.of(method));
        document.put("assertionMethod", List.of(did + KEY_FRAGMENT));
        document.put("authentication", List.of(did + KEY_FRAGMENT));
        return document;
    }
}
