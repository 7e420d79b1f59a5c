package io.serviceproof.devices;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.ProducerSignatureCheck;
import io.serviceproof.verifier.event.BatchSignature;
import io.serviceproof.verifier.event.EventEnvelope;
import io.serviceproof.verifier.json.JsonException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks each signed event against the organisation's device registry before the log takes it: the
 * key must be an active device's, the event for that device's layer, and the signature valid over
 * the entry exactly as it will be logged (or over the batch statement the entry's path leads to, when
 * one signature covers many events). Devices are read from the database for every batch, so a
 * suspension on one server node refuses the device's next batch on every node.
 */
@Component
class DeviceSignatureCheck implements ProducerSignatureCheck {

    private final DeviceRows rows;
    private final Duration maxSkew;
    /** Decoded keys by key id and key text: a key id names one key for good, so this never goes stale. */
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    DeviceSignatureCheck(DeviceRows rows, @Value("${serviceproof.devices.max-clock-skew:PT5M}") Duration maxSkew) {
        this.rows = rows;
        this.maxSkew = maxSkew;
    }

    @Override
    public void verify(OrganisationId organisation, List<EntryDraft> drafts) {
        List<String> keyIds = drafts.stream()
                .filter(d -> d.signature() != null)
                .map(d -> String.valueOf(d.signature().get("keyId")))
                .distinct()
                .toList();
        Map<String, Device> devices = keyIds.isEmpty()
                ? Map.of()
                : rows.byKeyIds(organisation, keyIds).stream()
                        .collect(Collectors.toMap(Device::keyId, Function.identity()));
        // The events of one batch signature share their statement: it is verified once per request.
        java.util.Set<Statement> verifiedStatements = new java.util.HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            EntryDraft draft = drafts.get(i);
            if (draft.signature() != null) {
                check(
                        draft,
                        devices,
                        drafts.size() == 1 ? "signature" : "entries[" + i + "].signature",
                        verifiedStatements);
            }
        }
    }

    private void check(
            EntryDraft draft, Map<String, Device> devices, String field, java.util.Set<Statement> verifiedStatements) {
        String keyId = String.valueOf(draft.signature().get("keyId"));
        Device device = devices.get(keyId);
        if (device == null) {
            throw new InvalidInputException(
                    field + ".keyId",
                    "no device of this organisation has key " + keyId + "; register the device first (/devices)");
        }
        if (device.status() != Device.Status.ACTIVE) {
            throw new InvalidInputException(
                    field + ".keyId",
                    "device '" + device.name() + "' is " + device.status().token() + "; its events are refused");
        }
        if (device.serviceLayerId() != null && !device.serviceLayerId().equals(draft.serviceLayerId())) {
            throw new InvalidInputException(
                    field + ".keyId",
                    "device '" + device.name() + "' signs events of service layer " + device.serviceLayerId()
                            + " only; this event is for " + draft.serviceLayerId());
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(String.valueOf(draft.signature().get("sig")));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + ".sig", "not base64");
        }
        boolean batch = BatchSignature.FORMAT.equals(draft.signature().get("format"));
        byte[] message;
        Statement statement = null;
        try {
            if (batch) {
                // A batch's events share one statement: it is rebuilt and verified once per request.
                BatchSignature.Root root = BatchSignature.root(draft.unsignedCanonicalBytes(), draft.signature());
                statement = new Statement(keyId, sig, root.hash(), root.leaves());
                if (verifiedStatements.contains(statement)) {
                    return;
                }
                message = BatchSignature.statementBytes(root.hash(), root.leaves());
            } else {
                message = signedBytes(draft);
            }
        } catch (JsonException e) {
            throw new InvalidInputException(field + ".path", e.getMessage().replaceFirst("^its signature's ", ""));
        }
        if (sig.length != org.bouncycastle.math.ec.rfc8032.Ed25519.SIGNATURE_SIZE
                || !org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
                        sig, 0, key(device), 0, message, 0, message.length)) {
            throw new InvalidInputException(
                    field + ".sig",
                    "does not verify with device '" + device.name() + "' over "
                            + (batch ? "the batch the entry and its path lead to" : "the entry as it would be logged")
                            + ": the RFC 8785 canonical JSON of the entry with its schema and without its"
                            + " signature, occurredAt in UTC as 2026-11-03T08:15:00Z (docs/formats.md, \"Signed events\")");
        }
        if (batch) {
            verifiedStatements.add(statement);
        }
    }

    /**
     * A batch statement (a tree's root and size) signed with a key, compared by content (arrays by
     * their bytes): the same key, signature and statement verify alike every time.
     */
    private record Statement(String keyId, byte[] sig, byte[] root, long leaves) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Statement s
                    && keyId.equals(s.keyId)
                    && leaves == s.leaves
                    && java.util.Arrays.equals(sig, s.sig)
                    && java.util.Arrays.equals(root, s.root);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(
                    keyId, leaves, java.util.Arrays.hashCode(sig), java.util.Arrays.hashCode(root));
        }
    }

    /**
     * The raw key, for Bouncy Castle's RFC 8032 verification: 7 times the JDK's throughput on this
     * machine (Ed25519Benchmark). The offline verifier keeps the JDK's, so that it depends on nothing;
     * both check the same RFC 8032 rules, and registration refuses keys that are not valid points.
     */
    private byte[] key(Device device) {
        return keys.computeIfAbsent(
                device.keyId() + " " + device.publicKey(),
                k -> Base64.getDecoder().decode(device.publicKey()));
    }

    /**
     * The DSSE bytes the device signed: the entry's canonical form without its signature is the same
     * draft's canonical form with no signature, so it is serialised once, not parsed back
     * ({@code DeviceSignatureCheckTests} holds it equal to {@link EventEnvelope#signedBytes}).
     */
    static byte[] signedBytes(EntryDraft draft) throws JsonException {
        if (BatchSignature.FORMAT.equals(draft.signature().get("format"))) {
            return BatchSignature.signedBytes(draft.unsignedCanonicalBytes(), draft.signature());
        }
        return EventEnvelope.pae(EventEnvelope.PAYLOAD_TYPE, draft.unsignedCanonicalBytes());
    }

    /**
     * Counts, per device, the signed events logged, and measures its clock. Only a heartbeat is sent
     * the moment it is made, so arrival minus a heartbeat's time is the device clock's skew (plus
     * transit); other events may arrive hours late from a gateway's buffer, which is no fault. An
     * event dated in the future beyond the allowed skew is a fault whatever its type: flagged.
     */
    @Override
    public void logged(OrganisationId organisation, List<EntryDraft> signed, Instant arrivedAt) {
        Map<String, long[]> byKey = new LinkedHashMap<>();
        Map<String, Long> backlogs = new LinkedHashMap<>();
        for (EntryDraft draft : signed) {
            long skew = Duration.between(draft.occurredAt(), arrivedAt).toMillis();
            long[] counts = byKey.computeIfAbsent(
                    String.valueOf(draft.signature().get("keyId")), k -> new long[] {0, 0, Long.MIN_VALUE});
            counts[0]++;
            boolean heartbeat = draft.type().equals("heartbeat");
            if ((heartbeat && Math.abs(skew) > maxSkew.toMillis()) || -skew > maxSkew.toMillis()) {
                counts[1]++;
            }
            if (heartbeat) {
                counts[2] = skew;
                // A gateway says in its heartbeat how many events it still holds undelivered.
                if (draft.payload().get("backlog") instanceof Number backlog) {
                    backlogs.put(String.valueOf(draft.signature().get("keyId")), backlog.longValue());
                }
            }
        }
        byKey.forEach((keyId, c) -> rows.heard(
                organisation, keyId, c[0], c[1], c[2] == Long.MIN_VALUE ? null : c[2], backlogs.get(keyId), arrivedAt));
    }

    Duration maxSkew() {
        return maxSkew;
    }
}
