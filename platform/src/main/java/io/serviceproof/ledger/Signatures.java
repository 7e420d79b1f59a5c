package io.serviceproof.ledger;

import io.serviceproof.verifier.event.BatchSignature;
import io.serviceproof.verifier.event.EventEnvelope;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a producer's signature over its event: a DSSE signature, as {@code {"format": "dsse",
 * "keyId": "ed25519:…", "sig": "<base64>", "payloadType": "application/vnd.serviceproof.ledger-entry+json"}},
 * over the entry's canonical JSON without the signature ({@code EventEnvelope} in the verifier); or
 * one signature over a batch of events ({@code dsse-batch}, {@code BatchSignature} in the verifier),
 * with the event's place in the batch and its audit path. Whether
 * it verifies, by an active device of the organisation, is the device registry's check
 * ({@link ProducerSignatureCheck}) before the event is sequenced; the log records it with the key id.
 */
final class Signatures {

    static final String DSSE = "dsse";
    private static final Set<String> MEMBERS = Set.of("format", "keyId", "sig", "payloadType");
    // The messages are built once: every signed event arriving is checked here.
    private static final String MEMBERS_MESSAGE = "allowed members are " + MEMBERS;
    private static final String BATCH_MEMBERS_MESSAGE = "allowed members are " + BatchSignature.MEMBERS;
    private static final String PAYLOAD_TYPE_MESSAGE = "must be \"" + EventEnvelope.PAYLOAD_TYPE + "\"";
    private static final String BATCH_PAYLOAD_TYPE_MESSAGE = "must be \"" + BatchSignature.PAYLOAD_TYPE + "\"";
    private static final String LEAVES_MESSAGE =
            "the number of events the batch signature covers, 1 to " + BatchSignature.MAX_LEAVES;

    private Signatures() {}

    static void requireValid(Map<String, Object> signature) {
        boolean batch = BatchSignature.FORMAT.equals(signature.get("format"));
        EntryDraft.require(
                batch || DSSE.equals(signature.get("format")),
                "signature.format",
                "unknown signature type; the supported types are \"dsse\" and \"dsse-batch\"");
        Set<String> members = batch ? BatchSignature.MEMBERS : MEMBERS;
        EntryDraft.require(
                members.containsAll(signature.keySet()), "signature", batch ? BATCH_MEMBERS_MESSAGE : MEMBERS_MESSAGE);
        EntryDraft.require(
                signature.get("keyId") instanceof String keyId && !keyId.isBlank() && keyId.length() <= 200,
                "signature.keyId",
                "the signing key's id is required");
        EntryDraft.require(
                signature.get("sig") instanceof String sig && isBase64(sig),
                "signature.sig",
                "base64 signature bytes are required");
        String payloadType = batch ? BatchSignature.PAYLOAD_TYPE : EventEnvelope.PAYLOAD_TYPE;
        EntryDraft.require(
                payloadType.equals(signature.get("payloadType")),
                "signature.payloadType",
                batch ? BATCH_PAYLOAD_TYPE_MESSAGE : PAYLOAD_TYPE_MESSAGE);
        if (batch) {
            EntryDraft.require(
                    whole(signature.get("leaves"), 1, BatchSignature.MAX_LEAVES), "signature.leaves", LEAVES_MESSAGE);
            EntryDraft.require(
                    signature.get("leaves") instanceof Number leaves
                            && whole(signature.get("leafIndex"), 0, leaves.doubleValue() - 1),
                    "signature.leafIndex",
                    "this event's place in its batch, from 0 to the batch's size less one");
            EntryDraft.require(
                    signature.get("path") instanceof List<?> path
                            && path.size() <= 64
                            && path.stream().allMatch(h -> h instanceof String hex && BatchSignature.isHash(hex)),
                    "signature.path",
                    "the event's audit path in its batch's tree: SHA-256 hashes in lower-case hex");
        }
    }

    private static boolean whole(Object value, double min, double max) {
        return value instanceof Number number
                && number.doubleValue() == Math.rint(number.doubleValue())
                && number.doubleValue() >= min
                && number.doubleValue() <= max;
    }

    private static boolean isBase64(String text) {
        try {
            return !text.isEmpty() && Base64.getDecoder().decode(text).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
