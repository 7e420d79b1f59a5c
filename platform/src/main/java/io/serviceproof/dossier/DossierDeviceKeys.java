package io.serviceproof.dossier;

import io.serviceproof.devices.Device;
import io.serviceproof.devices.Devices;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.ledger.EntrySearch;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.ledger.LedgerEntry;
import io.serviceproof.ledger.LogReader;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.ServiceLayer;
import io.serviceproof.verifier.dossier.DossierFormat;
import io.serviceproof.verifier.event.ProducerSignatures;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The device keys a dossier carries: every key that may sign the events of the offering's layers
 * (registered for one of them, or for any layer), with the log entries that registered it and changed
 * its status, each beside its tlog-proof. The verifier checks them against the log's key (DeviceKeys),
 * so the share of device-signed events an SLA report states rests on keys the log vouches for, and a
 * suspended key shows as suspended.
 */
@Component
class DossierDeviceKeys {

    private final Devices devices;
    private final Offerings offerings;
    private final Ledger ledger;
    private final LogReader logReader;

    DossierDeviceKeys(Devices devices, Offerings offerings, Ledger ledger, LogReader logReader) {
        this.devices = devices;
        this.offerings = offerings;
        this.ledger = ledger;
        this.logReader = logReader;
    }

    /** Adds the entries and proofs to {@code files}; returns the manifest's {@code deviceKeys}. */
    List<Map<String, Object>> add(OrganisationId issuer, String offeringId, Map<String, byte[]> files) {
        Set<String> layers =
                offerings.layers(offeringId).stream().map(ServiceLayer::code).collect(Collectors.toSet());
        List<Device> relevant = devices.devices().stream()
                .filter(d -> d.serviceLayerId() == null || layers.contains(d.serviceLayerId()))
                .toList();
        if (relevant.isEmpty()) {
            return List.of();
        }
        Map<String, List<Long>> changes = statusChanges();
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Device device : relevant) {
            List<Long> indexes = changes.getOrDefault(device.keyId(), List.of()).stream()
                    .filter(i -> i > device.registrationIndex())
                    .sorted()
                    .toList();
            include(issuer, device.registrationIndex(), files);
            indexes.forEach(i -> include(issuer, i, files));
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("keyId", device.keyId());
            key.put("status", device.status().token());
            key.put("registrationLogIndex", device.registrationIndex());
            key.put("statusLogIndexes", indexes);
            listed.add(key);
        }
        return listed;
    }

    private void include(OrganisationId issuer, long index, Map<String, byte[]> files) {
        files.put(DossierFormat.proofPath(index), logReader.tlogProofCovering(issuer, index));
        files.put(DossierFormat.entryPath(index), logReader.entry(issuer, index));
    }

    /** Every status change in the log, by key id, as log indexes. */
    private Map<String, List<Long>> statusChanges() {
        Map<String, List<Long>> byKey = new HashMap<>();
        long before = Long.MAX_VALUE;
        while (true) {
            List<LedgerEntry> page = ledger.search(
                    new EntrySearch(null, ProducerSignatures.STATUS_CHANGED, null, before, EntrySearch.MAX_LIMIT));
            for (LedgerEntry entry : page) {
                keyId(entry)
                        .ifPresent(k ->
                                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(entry.index()));
            }
            if (page.size() < EntrySearch.MAX_LIMIT) {
                return byKey;
            }
            before = page.get(page.size() - 1).index();
        }
    }

    private static java.util.Optional<String> keyId(LedgerEntry entry) {
        try {
            if (Json.parse(new String(entry.canonical(), StandardCharsets.UTF_8)) instanceof Map<?, ?> map
                    && map.get("payload") instanceof Map<?, ?> payload
                    && payload.get("keyId") instanceof String keyId) {
                return java.util.Optional.of(keyId);
            }
        } catch (JsonException e) {
            // not ours to judge here: the verifier reads the entries themselves
        }
        return java.util.Optional.empty();
    }
}
