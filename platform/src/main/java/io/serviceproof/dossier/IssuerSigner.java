package io.serviceproof.dossier;

import io.serviceproof.identity.Organisation;
import io.serviceproof.verifier.credential.EddsaJcs2022;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Secures a document as the organisation: an eddsa-jcs-2022 proof by its did:web key, as canonical JSON. */
@Component
class IssuerSigner {

    private final IssuerKeys keys;
    private final IssuerIdentity identity;

    IssuerSigner(IssuerKeys keys, IssuerIdentity identity) {
        this.keys = keys;
        this.identity = identity;
    }

    String sign(Organisation organisation, Map<String, Object> unsecured, Instant created) {
        String json;
        try {
            json = Json.canonical(unsecured);
        } catch (JsonException e) {
            throw new IllegalStateException("a credential is plain JSON data", e);
        }
        EddsaJcs2022.ProofOptions options = new EddsaJcs2022.ProofOptions(
                created.truncatedTo(ChronoUnit.SECONDS).toString(),
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
}
