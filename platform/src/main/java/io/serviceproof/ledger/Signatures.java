package io.serviceproof.ledger;

import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * A producer's signature over its event: a DSSE envelope signature (over an in-toto Statement), as
 * {@code {"format": "dsse", "keyId": "...", "sig": "<base64>", "payloadType": "..."}}. The log records
 * it with the key id; checking it needs the producer's public key and is done by whoever holds it.
 */
final class Signatures {

    static final String DSSE = "dsse";
    private static final Set<String> MEMBERS = Set.of("format", "keyId", "sig", "payloadType");

    private Signatures() {}

    static void requireValid(Map<String, Object> signature) {
        EntryDraft.require(
                DSSE.equals(signature.get("format")),
                "signature.format",
                "unknown signature type; the supported type is \"dsse\"");
        EntryDraft.require(MEMBERS.containsAll(signature.keySet()), "signature", "allowed members are " + MEMBERS);
        EntryDraft.require(
                signature.get("keyId") instanceof String keyId && !keyId.isBlank() && keyId.length() <= 200,
                "signature.keyId",
                "the signing key's id is required");
        EntryDraft.require(
                signature.get("sig") instanceof String sig && isBase64(sig),
                "signature.sig",
                "base64 signature bytes are required");
        EntryDraft.require(
                signature.get("payloadType") == null || signature.get("payloadType") instanceof String,
                "signature.payloadType",
                "must be a string");
    }

    private static boolean isBase64(String text) {
        try {
            return !text.isEmpty() && Base64.getDecoder().decode(text).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
