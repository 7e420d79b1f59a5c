package io.serviceproof.ledger;

import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a producer's signature over its event: a DSSE signature, as {@code {"format": "dsse",
 * "keyId": "ed25519:…", "sig": "<base64>", "payloadType": "application/vnd.serviceproof.ledger-entry+json"}},
 * over the entry's canonical JSON without the signature ({@code EventEnvelope} in the verifier). Whether
 * it verifies, by an active device of the organisation, is the device registry's check
 * ({@link ProducerSignatureCheck}) before the event is sequenced; the log records it with the key id.
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
                io.serviceproof.verifier.event.EventEnvelope.PAYLOAD_TYPE.equals(signature.get("payloadType")),
                "signature.payloadType",
                "must be \"" + io.serviceproof.verifier.event.EventEnvelope.PAYLOAD_TYPE + "\"");
    }

    private static boolean isBase64(String text) {
        try {
            return !text.isEmpty() && Base64.getDecoder().decode(text).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
