package io.serviceproof.verifier.dossier;

import io.serviceproof.verifier.checkpoint.CheckpointVerifier;
import io.serviceproof.verifier.checkpoint.TlogProof;
import io.serviceproof.verifier.credential.CredentialVerifier.Check;
import io.serviceproof.verifier.credential.CredentialVerifier.Outcome;
import io.serviceproof.verifier.event.EventEnvelope;
import io.serviceproof.verifier.event.ProducerSignatures;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The device keys a dossier carries (format v2, manifest {@code deviceKeys}): for each key that may
 * sign the events of the offering's layers, the log entry that registered it and every entry that
 * changed its status, each with its tlog-proof. The check holds only when each registration names
 * the key it lists (and the key's id is derived from the key), each status change is for that key and
 * later, the last one gives the status listed, and every entry is in a checkpoint the log's key
 * signed. So a buyer knows, from the log and not from the manifest's word, which keys the events
 * that SLA figures count as device-signed were checked against, and whether a key was suspended.
 */
public final class DeviceKeys {

    static final String NAME = "device keys";

    private DeviceKeys() {}

    /** Empty when the manifest lists no device keys (a dossier of layers without devices, or older). */
    public static Optional<Check> check(byte[] manifest, Map<String, byte[]> files, Optional<VerifierKey> logKey) {
        List<?> listed;
        try {
            Map<?, ?> parsed = (Map<?, ?>) Json.parse(new String(manifest, StandardCharsets.UTF_8));
            if (!(parsed.get("deviceKeys") instanceof List<?> keys) || keys.isEmpty()) {
                return Optional.empty();
            }
            listed = keys;
        } catch (Exception e) {
            return Optional.of(failed("manifest-not-json", "manifest.json is not JSON"));
        }
        List<String> described = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        for (Object item : listed) {
            if (!(item instanceof Map<?, ?> device)
                    || !(device.get("keyId") instanceof String keyId)
                    || !(device.get("status") instanceof String status)
                    || !(device.get("registrationLogIndex") instanceof Number registration)
                    || !(device.get("statusLogIndexes") instanceof List<?> changes)) {
                return Optional.of(failed(
                        "device-key-unreadable",
                        "a device key in the manifest lacks keyId, status, registrationLogIndex or statusLogIndexes"));
            }
            Optional<Check> wrong = registration(keyId, registration.longValue(), files);
            if (wrong.isPresent()) {
                return wrong;
            }
            indexes.add(registration.longValue());
            String current = "active";
            long after = registration.longValue();
            for (Object change : changes) {
                if (!(change instanceof Number n) || n.longValue() <= after) {
                    return Optional.of(failed(
                            "status-out-of-order",
                            "the status changes of " + keyId + " are not entries after its registration, in order",
                            keyId));
                }
                after = n.longValue();
                Map<?, ?> payload = payload(files, after, ProducerSignatures.STATUS_CHANGED);
                if (payload == null || !keyId.equals(payload.get("keyId"))) {
                    return Optional.of(failed(
                            "status-other",
                            "entry " + after + " is not a status change of device key " + keyId,
                            keyId,
                            String.valueOf(after)));
                }
                current = String.valueOf(payload.get("status"));
                indexes.add(after);
            }
            if (!current.equals(status)) {
                return Optional.of(failed(
                        "status-misstated",
                        "the manifest says device key " + keyId + " is " + status + ", but its last logged status is "
                                + current,
                        keyId,
                        status,
                        current));
            }
            described.add(keyId + " (" + status + ", entry " + registration.longValue() + ")");
        }
        if (logKey.isEmpty()) {
            return Optional.of(Check.because(
                    NAME,
                    Outcome.NOT_CHECKED,
                    "log-key-missing",
                    "give the log's verifier key (--vkey) to check them"));
        }
        for (long index : indexes) {
            try {
                TlogProof proof = TlogProof.parse(files.get(DossierFormat.proofPath(index)));
                if (proof.index() != index) {
                    return Optional.of(
                            failed("index-mismatch", "the proof of entry " + index + " is for entry " + proof.index()));
                }
                CheckpointVerifier.verifyProof(
                        proof, Rfc9162.leafHash(files.get(DossierFormat.entryPath(index))), logKey.get());
            } catch (Exception e) {
                return Optional.of(
                        failed("proof-invalid", "entry " + index + ": " + e.getMessage(), String.valueOf(index)));
            }
        }
        return Optional.of(Check.because(
                NAME,
                Outcome.PASSED,
                "device-keys-logged",
                listed.size() + " registered in the log: " + String.join(", ", described),
                String.valueOf(listed.size()),
                String.join(", ", described)));
    }

    private static Optional<Check> registration(String keyId, long index, Map<String, byte[]> files) {
        Map<?, ?> payload = payload(files, index, ProducerSignatures.REGISTERED);
        if (payload == null || !keyId.equals(payload.get("keyId"))) {
            return Optional.of(failed(
                    "registration-other",
                    "entry " + index + " is not the registration of device key " + keyId,
                    keyId,
                    String.valueOf(index)));
        }
        try {
            byte[] raw = Base64.getDecoder().decode(String.valueOf(payload.get("publicKey")));
            if (!EventEnvelope.keyId(raw).equals(keyId)) {
                return Optional.of(failed(
                        "key-id-mismatch", "entry " + index + " registers a key whose id is not " + keyId, keyId));
            }
        } catch (IllegalArgumentException e) {
            return Optional.of(failed("key-unreadable", "entry " + index + " registers an unreadable key", keyId));
        }
        return Optional.empty();
    }

    /** The payload of the entry at {@code index} when it is there, with its proof, and of that type. */
    private static Map<?, ?> payload(Map<String, byte[]> files, long index, String type) {
        byte[] entry = files.get(DossierFormat.entryPath(index));
        if (entry == null || files.get(DossierFormat.proofPath(index)) == null) {
            return null;
        }
        try {
            if (Json.parse(new String(entry, StandardCharsets.UTF_8)) instanceof Map<?, ?> map
                    && type.equals(map.get("type"))
                    && map.get("payload") instanceof Map<?, ?> payload) {
                return payload;
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    private static Check failed(String code, String detail, String... args) {
        return Check.because(NAME, Outcome.FAILED, code, detail, args);
    }
}
