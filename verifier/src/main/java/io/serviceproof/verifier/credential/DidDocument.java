package io.serviceproof.verifier.credential;

import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.util.List;
import java.util.Map;

/** A DID document as saved by a verifier: its id and the Multikey keys it lists for assertions. */
public final class DidDocument {

    private final String id;
    private final Map<String, Object> document;

    private DidDocument(String id, Map<String, Object> document) {
        this.id = id;
        this.document = document;
    }

    public static DidDocument parse(String json) {
        Map<String, Object> document;
        try {
            document = CredentialVerifier.object(Json.parse(json));
        } catch (JsonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (!(document.get("id") instanceof String id) || !id.startsWith("did:")) {
            throw new IllegalArgumentException("it has no DID as its id");
        }
        return new DidDocument(id, document);
    }

    public String id() {
        return id;
    }

    /** The raw Ed25519 key of {@code method}, which must be the document's and listed for assertions. */
    public byte[] assertionKey(String method) {
        String controller = method.contains("#") ? method.substring(0, method.indexOf('#')) : method;
        if (!controller.equals(id)) {
            throw new IllegalArgumentException("the DID document given is " + id + ", not " + controller);
        }
        if (!(document.get("assertionMethod") instanceof List<?> assertion)
                || assertion.stream().noneMatch(m -> matches(m, method))) {
            throw new IllegalArgumentException(method + " is not an assertion method of " + id);
        }
        if (document.get("verificationMethod") instanceof List<?> methods) {
            for (Object m : methods) {
                if (m instanceof Map<?, ?> vm && matches(vm.get("id"), method)) {
                    if (!"Multikey".equals(vm.get("type")) || !(vm.get("publicKeyMultibase") instanceof String key)) {
                        throw new IllegalArgumentException(method + " is not an Ed25519 Multikey");
                    }
                    return Multikey.decodePublic(key);
                }
            }
        }
        throw new IllegalArgumentException(method + " is not in the DID document");
    }

    /** A method reference may be absolute or relative to the document ({@code #key-1}). */
    private boolean matches(Object reference, String method) {
        if (!(reference instanceof String r)) {
            return false;
        }
        return r.equals(method) || (r.startsWith("#") && (id + r).equals(method));
    }
}
