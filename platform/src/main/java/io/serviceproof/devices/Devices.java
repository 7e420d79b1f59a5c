package io.serviceproof.devices;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.ledger.Appended;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.ServiceLayer;
import io.serviceproof.verifier.event.EventEnvelope;
import io.serviceproof.verifier.event.ProducerSignatures;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The acting organisation's devices: registration of a device's public key and each change of its
 * status, every one also an entry of the organisation's log ({@code device.registered},
 * {@code device.status-changed}) in the same transaction, so the log alone tells a verifier which
 * keys may sign which events, and when.
 */
@Service
public class Devices {

    /** What registering a device takes: a name, the layer code its events carry (optional), its key. */
    public record Registration(String name, String serviceLayerId, String publicKey) {}

    private final DeviceRows rows;
    private final Ledger ledger;
    private final Offerings offerings;
    private final UserActionTrail trail;
    private final Clock clock;

    Devices(DeviceRows rows, Ledger ledger, Offerings offerings, UserActionTrail trail, Clock clock) {
        this.rows = rows;
        this.ledger = ledger;
        this.offerings = offerings;
        this.trail = trail;
        this.clock = clock;
    }

    public List<Device> devices() {
        return rows.all(Tenancy.organisationId());
    }

    public Device device(String id) {
        return rows.byId(Tenancy.organisationId(), id).orElseThrow(() -> new NotFoundException("device", id));
    }

    @Transactional
    public Device register(Registration request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("name", Phrase.of("error.length.200"));
        }
        byte[] raw = publicKey(request.publicKey());
        String layer = layerCode(request.serviceLayerId());
        String keyId = EventEnvelope.keyId(raw);
        OrganisationId organisation = Tenancy.organisationId();
        if (rows.exists(organisation, keyId, name)) {
            throw new ConflictException(Phrase.of("error.device.duplicate", keyId));
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("deviceId", id);
        payload.put("name", name);
        payload.put("keyId", keyId);
        payload.put("publicKey", Base64.getEncoder().encodeToString(raw));
        if (layer != null) {
            payload.put("serviceLayerId", layer);
        }
        Appended appended = ledger.append(new EntryDraft(
                "device:" + id + ":registered", ProducerSignatures.REGISTERED, now, null, List.of(), payload, null));
        Device device = new Device(
                id,
                name,
                layer,
                keyId,
                Base64.getEncoder().encodeToString(raw),
                Device.Status.ACTIVE,
                Tenancy.actor().name(),
                now,
                appended.index(),
                now,
                0,
                0,
                null,
                null,
                null);
        rows.insert(organisation, device);
        trail.record("device.registered", "device", id, name + " " + keyId);
        return device;
    }

    /**
     * Suspends, reactivates or retires a device. Retirement is final; a suspended or retired device's
     * events are refused from then on (the log's order decides, see {@link ProducerSignatures}).
     */
    @Transactional
    public Device changeStatus(String id, Device.Status to, String reason) {
        Device device = device(id);
        if (device.status() == to) {
            throw new ConflictException(Phrase.of("error.device.already", Phrase.term("devices.status." + to.token())));
        }
        if (device.status() == Device.Status.RETIRED) {
            throw new ConflictException(Phrase.of("error.device.retired"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new InvalidInputException("reason", Phrase.of("error.reason.500"));
        }
        Instant now = clock.instant();
        if (!rows.changeStatus(Tenancy.organisationId(), id, device.status(), to, now)) {
            throw new ConflictException(Phrase.of("error.device.concurrent"));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("deviceId", id);
        payload.put("keyId", device.keyId());
        payload.put("status", to.token());
        payload.put("reason", why);
        ledger.append(new EntryDraft(
                "device:" + id + ":" + to.token() + ":" + now.toEpochMilli(),
                ProducerSignatures.STATUS_CHANGED,
                now,
                null,
                List.of(),
                payload,
                null));
        trail.record("device." + to.token(), "device", id, device.name() + ": " + why);
        return device(id);
    }

    /** A raw Ed25519 public key: 32 bytes, base64 (standard or URL-safe alphabet). */
    static byte[] publicKey(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("publicKey", Phrase.of("error.device.key.missing"));
        }
        byte[] raw;
        try {
            String trimmed = text.strip();
            raw = trimmed.contains("-") || trimmed.contains("_")
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("publicKey", Phrase.of("error.device.key.base64", e.getMessage()));
        }
        if (raw.length != 32) {
            throw new InvalidInputException("publicKey", Phrase.of("error.device.key.length", raw.length));
        }
        // A valid point of full order only: a small-order key would "verify" forged signatures.
        if (!org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(raw, 0)) {
            throw new InvalidInputException("publicKey", Phrase.of("error.device.key.order"));
        }
        return raw;
    }

    /** The layer code a device's events must carry, checked against the organisation's layers. */
    private String layerCode(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return offerings.allLayers().stream()
                .map(ServiceLayer::code)
                .filter(code.strip()::equals)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("serviceLayerId", Phrase.of("error.device.layer", code)));
    }
}
