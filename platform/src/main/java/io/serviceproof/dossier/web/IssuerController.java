package io.serviceproof.dossier.web;

import io.serviceproof.dossier.Credentials;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What anyone needs to verify an organisation's credentials, public without login: its did:web DID
 * document (where did:web resolution of {@code did:web:<host>:orgs:<slug>} looks) and its signed
 * revocation list.
 */
@Tag(name = "Issuer", description = "Public: DID documents and revocation lists")
@RestController
class IssuerController {

    private final Credentials credentials;
    private final OrganisationDirectory organisations;

    IssuerController(Credentials credentials, OrganisationDirectory organisations) {
        this.credentials = credentials;
        this.organisations = organisations;
    }

    @Operation(summary = "The organisation's DID document (did:web)")
    @GetMapping(value = "/orgs/{slug}/did.json", produces = "application/did+json")
    ResponseEntity<Map<String, Object>> didDocument(@PathVariable String slug) {
        Map<String, Object> document = asOrganisation(slug, () -> credentials.didDocument(slug));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/did+json"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(document);
    }

    @Operation(summary = "The organisation's revocation list: a signed BitstringStatusListCredential")
    @GetMapping(value = "/orgs/{slug}/credentials/status/1", produces = "application/vc+ld+json")
    ResponseEntity<String> statusList(@PathVariable String slug) {
        String list = asOrganisation(slug, () -> credentials.statusListCredential(slug));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vc+ld+json"))
                // Revocation must reach verifiers soon; a minute of caching is the trade-off.
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(list);
    }

    @Operation(
            summary =
                    "The organisation's suspension list (for its credentials as a body): a signed BitstringStatusListCredential")
    @GetMapping(value = "/orgs/{slug}/credentials/status/2", produces = "application/vc+ld+json")
    ResponseEntity<String> suspensionList(@PathVariable String slug) {
        String list = asOrganisation(slug, () -> credentials.suspensionListCredential(slug));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vc+ld+json"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(list);
    }

    @Operation(summary = "A credential at its public address (the id is the capability), as issued")
    @GetMapping(value = "/orgs/{slug}/credentials/{id}", produces = "application/vc+ld+json")
    ResponseEntity<String> credential(@PathVariable String slug, @PathVariable String id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vc+ld+json"))
                .body(credentials.publicCredential(slug, id));
    }

    private <T> T asOrganisation(String slug, java.util.function.Supplier<T> read) {
        var organisation = organisations.requireBySlug(slug);
        return Tenancy.callAs(Actor.system(organisation.id(), "public:issuer"), read);
    }
}
