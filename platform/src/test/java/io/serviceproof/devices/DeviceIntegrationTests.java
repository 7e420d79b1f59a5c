package io.serviceproof.devices;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.services.Offerings;
import io.serviceproof.verifier.event.EventEnvelope;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.note.Ed25519;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tiles.LogAuditor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19, device identity: a device registered by its public key signs its events; the server
 * takes a signed event only when the signature verifies by an active device for its layer, records
 * the key id in the log, and the log alone lets a third party check every signature offline. The
 * forged and hostile cases are refused with the field named, and change nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeviceIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    TestTenant tenant;
    String layer = "rqi";
    final KeyPair camera = Ed25519.fromSeed(seed(7));
    final KeyPair stranger = Ed25519.fromSeed(seed(8));

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "devices");
        Tenancy.runAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            Offerings offerings = context.getBean(Offerings.class);
            String offering =
                    offerings.createOffering("Line", "", "", List.of("VN")).id();
            offerings.createLayer(offering, "Remote inspection", layer, "ai-remote-quality-inspection", null);
            offerings.createLayer(offering, "Warehouse", "wms", "warehouse-saas", null);
        });
    }

    @Test
    void signedEventsAreCheckedOnArrivalAndEverySignatureVerifiesOfflineFromTheLogAlone() throws Exception {
        JsonNode device = register("Inspection camera, line 2", layer, camera, 201);
        String keyId = device.get("keyId").asString();
        assertThat(keyId).isEqualTo(EventEnvelope.keyId(Ed25519.rawPublicKey(camera.getPublic())));
        assertThat(device.get("status").asString()).isEqualTo("active");

        String firstAt = now(); // a retry is the same event: the same time, whenever it is sent
        append(signed(event("v-1", layer, firstAt), camera), 201);
        append(
                "{\"entries\":[" + signed(event("v-2", layer, now()), camera) + ","
                        + signed(event("v-3", layer, now()), camera) + "," + json(event("v-4", layer, now())) + "]}",
                201);
        JsonNode logged = json.readTree(mvc.perform(
                        get("/api/v1/ledger/entries").param("eventId", "v-1").with(bearer(tenant.token(Role.AUDITOR))))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(logged.get(0).get("entry").asString()).contains("\"keyId\":\"" + keyId + "\"");

        // A retry of a logged event is idempotent and not counted twice.
        append(signed(event("v-1", layer, firstAt), camera), 200);
        JsonNode counted = deviceJson(device.get("id").asString());
        assertThat(counted.get("signedEvents").asLong()).isEqualTo(3);
        assertThat(counted.get("lastSeenAt").isNull()).isFalse();

        // The log alone: every signed entry verifies against a key an earlier entry registered.
        publish();
        VerifierKey key = VerifierKey.parse(fetch("vkey").strip());
        LogAuditor.Audit audit = new LogAuditor(this::fetchBytes, key).auditAll();
        assertThat(audit.deviceSigned()).isEqualTo(3);
        assertThat(audit.devices()).isEqualTo(1);
        assertThat(audit.signedAfterSuspension()).isZero();
    }

    @Test
    void forgedOrMisdirectedSignaturesAreRefusedAndChangeNothing() throws Exception {
        register("Inspection camera", layer, camera, 201);
        long size = logSize();

        // Signed, then changed: the verdict flipped after the device signed it.
        Map<String, Object> altered = parse(signed(event("f-1", layer, now()), camera));
        altered.put("payload", Map.of("verdict", "pass"));
        assertThat(refused(Json.canonical(altered))).containsKey("signature.sig");
        // A key no device of this organisation has.
        assertThat(refused(signed(event("f-2", layer, now()), stranger))).containsKey("signature.keyId");
        // The registered key id, but another key's signature.
        Map<String, Object> forged = parse(signed(event("f-3", layer, now()), stranger));
        ((Map<String, Object>) forged.get("signature"))
                .put("keyId", EventEnvelope.keyId(Ed25519.rawPublicKey(camera.getPublic())));
        assertThat(refused(Json.canonical(forged))).containsKey("signature.sig");
        // The camera of one layer signing another layer's event.
        assertThat(refused(signed(event("f-4", "wms", now()), camera)).get("signature.keyId"))
                .contains("signs events of service layer " + layer + " only");
        // A signed event sent with a time-zone offset: the log stores UTC, so the signature, made over
        // the offset form, does not verify over what would be logged.
        String offset = signed(event("f-5", layer, "2026-11-03T15:15:00+07:00"), camera);
        assertThat(refused(offset)).containsKey("signature.sig");
        // One bad signature refuses the whole batch.
        assertThat(refused("{\"entries\":[" + json(event("f-6", layer, now())) + "," + Json.canonical(altered) + "]}"))
                .containsKey("entries[1].signature.sig");
        // Device keys enter the log only through the registry.
        String smuggled = "{\"eventId\":\"f-7\",\"type\":\"device.registered\",\"occurredAt\":\"" + now()
                + "\",\"payload\":{\"keyId\":\"x\",\"publicKey\":\"y\"}}";
        assertThat(refused(smuggled)).containsKey("type");

        assertThat(logSize()).as("nothing refused was logged").isEqualTo(size);
    }

    @Test
    void oneSignatureOverABatchSignsEachOfItsEventsOnArrivalAndOfflineAndAForgedMemberIsRefused() throws Exception {
        register("Inspection camera, line 3", layer, camera, 201);
        long size = logSize();
        List<Map<String, Object>> events = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(event("b-" + i, layer, now()));
        }
        List<String> batch = batchSigned(events, camera);

        // A batch member changed after the device signed the batch: the whole request is refused.
        Map<String, Object> altered = parse(batch.get(2));
        altered.put("payload", Map.of("verdict", "pass"));
        List<String> tampered = new java.util.ArrayList<>(batch);
        tampered.set(2, Json.canonical(altered));
        assertThat(refused("{\"entries\":[" + String.join(",", tampered) + "]}"))
                .containsKey("entries[2].signature.sig");
        // Its place in the batch misstated, or a path that cannot lead to a root.
        Map<String, Object> moved = parse(batch.get(1));
        ((Map<String, Object>) moved.get("signature")).put("leafIndex", 9);
        assertThat(refused(Json.canonical(moved))).containsKey("signature.leafIndex");
        Map<String, Object> cut = parse(batch.get(1));
        ((Map<String, Object>) cut.get("signature")).put("path", List.of());
        assertThat(refused(Json.canonical(cut)).get("signature.path")).contains("path does not fit");
        assertThat(logSize()).as("nothing refused was logged").isEqualTo(size);

        // The batch as signed, sent in two requests: each event is checked on its own path.
        append("{\"entries\":[" + String.join(",", batch.subList(0, 3)) + "]}", 201);
        append("{\"entries\":[" + String.join(",", batch.subList(3, 5)) + "]}", 201);
        publish();
        LogAuditor.Audit audit =
                new LogAuditor(this::fetchBytes, VerifierKey.parse(fetch("vkey").strip())).auditAll();
        assertThat(audit.deviceSigned()).isEqualTo(5);
    }

    @Test
    void aSuspendedDeviceIsRefusedUntilReactivatedAndRetirementIsFinal() throws Exception {
        String id = register("PLC gateway", null, camera, 201).get("id").asString();
        changeStatus(id, "suspended", "Gateway sent duplicate alarms; under investigation", 200);
        assertThat(refused(signed(event("s-1", layer, now()), camera)).get("signature.keyId"))
                .contains("is suspended");
        changeStatus(id, "active", "Firmware fixed", 200);
        append(signed(event("s-2", "wms", now()), camera), 201);
        changeStatus(id, "retired", "Replaced by a new gateway", 200);
        changeStatus(id, "active", "by mistake", 409);
        assertThat(refused(signed(event("s-3", layer, now()), camera)).get("signature.keyId"))
                .contains("is retired");
        // A retired device's key is never registered again.
        register("PLC gateway 2", null, camera, 409);

        publish();
        LogAuditor.Audit audit =
                new LogAuditor(this::fetchBytes, VerifierKey.parse(fetch("vkey").strip())).auditAll();
        assertThat(audit.deviceSigned()).isEqualTo(1);
        assertThat(audit.signedAfterSuspension()).isZero();
    }

    @Test
    void registrationRefusesWhatIsNotAnEd25519KeyOrNotTheOrganisationsLayer() throws Exception {
        byte[] raw = Ed25519.rawPublicKey(camera.getPublic());
        send(
                "/api/v1/devices",
                "{\"name\":\"short\",\"publicKey\":\""
                        + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, 31)) + "\"}",
                Role.ENGINEER,
                400);
        send("/api/v1/devices", "{\"name\":\"x\",\"publicKey\":\"not base64!\"}", Role.ENGINEER, 400);
        // The identity point (small order): any signature with R = identity and S = 0 would "verify".
        byte[] identity = new byte[32];
        identity[0] = 1;
        send(
                "/api/v1/devices",
                "{\"name\":\"x\",\"publicKey\":\"" + Base64.getEncoder().encodeToString(identity) + "\"}",
                Role.ENGINEER,
                400);
        send(
                "/api/v1/devices",
                "{\"name\":\"x\",\"serviceLayerId\":\"elsewhere\",\"publicKey\":\""
                        + Base64.getEncoder().encodeToString(raw) + "\"}",
                Role.ENGINEER,
                400);
        send(
                "/api/v1/devices",
                "{\"name\":\"x\",\"publicKey\":\"" + Base64.getEncoder().encodeToString(raw) + "\"}",
                Role.AUDITOR,
                403);
        register("camera", layer, camera, 201);
        register("camera", layer, stranger, 409);
    }

    /** Issue 18: the form says what is wrong beside itself in the reader's language; the API keeps English. */
    @Test
    void theRegistrationFormSaysARefusalInTheReadersLanguageAndKeepsWhatWasTyped() throws Exception {
        String shortKey = Base64.getEncoder()
                .encodeToString(java.util.Arrays.copyOf(Ed25519.rawPublicKey(camera.getPublic()), 31));
        var engineer = io.serviceproof.ActingAs.user(tenant, tenant.user(Role.ENGINEER));
        for (String lang : List.of("zh-CN", "en")) {
            String html = mvc.perform(post("/devices")
                            .param("name", "inspection camera 7")
                            .param("publicKey", shortKey)
                            .param("lang", lang)
                            .with(engineer)
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.csrf()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            var page = org.jsoup.Jsoup.parse(html);
            String said = page.select(".alert-danger, .invalid-feedback, [role=alert]")
                    .text();
            if (lang.equals("zh-CN")) {
                assertThat(said).contains("公钥：Ed25519 公钥为 32 字节；此处为 31 字节").doesNotContain("this is");
            } else {
                assertThat(said).contains("Public key: an Ed25519 public key is 32 bytes; this is 31");
            }
            assertThat(page.select("input[name=name]").attr("value")).isEqualTo("inspection camera 7");
        }
        assertThat(mvc.perform(get("/api/v1/devices").with(bearer(tenant.token(Role.ENGINEER))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .isEqualTo("[]");
    }

    @Test
    void clockSkewIsMeasuredByHeartbeatsAndLateEventsFromABufferAreNoFault() throws Exception {
        String id = register("Camera with a drifting clock", layer, camera, 201)
                .get("id")
                .asString();
        String twoHoursAgo = Instant.now()
                .minus(2, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        // A verdict buffered at the plant for two hours arrives late: no fault.
        append(signed(event("k-1", layer, twoHoursAgo), camera), 201);
        assertThat(deviceJson(id).get("skewedEvents").asLong()).isZero();
        // A heartbeat made "now" by a clock two hours behind: the clock is off.
        Map<String, Object> beat = new LinkedHashMap<>(event("k-2", layer, twoHoursAgo));
        beat.put("type", "heartbeat");
        beat.put("payload", Map.of("status", "up"));
        append(signed(beat, camera), 201);
        // A verdict dated an hour ahead of the server: impossible for an honest clock.
        String ahead = Instant.now()
                .plus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        append(signed(event("k-3", layer, ahead), camera), 201);
        JsonNode device = deviceJson(id);
        assertThat(device.get("skewedEvents").asLong()).isEqualTo(2);
        assertThat(device.get("signedEvents").asLong()).isEqualTo(3);
        assertThat(device.get("lastSkewMillis").asLong()).isBetween(7_190_000L, 7_260_000L);
        String page = mvc.perform(
                        get("/devices/" + id).with(io.serviceproof.ActingAs.user(tenant, tenant.user(Role.ENGINEER))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2 events");
    }

    // --- a device's side: the entry as it will be logged, signed over its DSSE PAE ---

    static Map<String, Object> event(String id, String layer, String occurredAt) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("eventId", id);
        entry.put("type", "inspection.verdict");
        entry.put("occurredAt", occurredAt);
        if (layer != null) {
            entry.put("serviceLayerId", layer);
        }
        entry.put("payload", Map.of("verdict", "fail", "latencyMs", 340, "partId", "P-" + id));
        return entry;
    }

    static String signed(Map<String, Object> event, KeyPair key) throws Exception {
        Map<String, Object> logged = new LinkedHashMap<>(event);
        logged.put("schema", "serviceproof.io/ledger-entry/v1");
        byte[] sig = Ed25519.sign(key.getPrivate(), EventEnvelope.signedBytes(logged));
        Map<String, Object> submitted = new LinkedHashMap<>(event);
        submitted.put(
                "signature",
                Map.of(
                        "format",
                        "dsse",
                        "keyId",
                        EventEnvelope.keyId(Ed25519.rawPublicKey(key.getPublic())),
                        "sig",
                        Base64.getEncoder().encodeToString(sig),
                        "payloadType",
                        EventEnvelope.PAYLOAD_TYPE));
        return Json.canonical(submitted);
    }

    /** A device's side of a batch signature: one signature over the tree of the events, a path each. */
    static List<String> batchSigned(List<Map<String, Object>> events, KeyPair key) throws Exception {
        List<Map<String, Object>> logged = new java.util.ArrayList<>();
        for (Map<String, Object> event : events) {
            Map<String, Object> entry = new LinkedHashMap<>(event);
            entry.put("schema", "serviceproof.io/ledger-entry/v1");
            logged.add(entry);
        }
        io.serviceproof.verifier.event.BatchSignature.Batch batch =
                new io.serviceproof.verifier.event.BatchSignature.Batch(logged);
        String sig = Base64.getEncoder().encodeToString(Ed25519.sign(key.getPrivate(), batch.signedBytes()));
        String keyId = EventEnvelope.keyId(Ed25519.rawPublicKey(key.getPublic()));
        List<String> submitted = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> entry = new LinkedHashMap<>(events.get(i));
            entry.put("signature", batch.signature(i, keyId, sig));
            submitted.add(Json.canonical(entry));
        }
        return submitted;
    }

    static String json(Map<String, Object> event) throws Exception {
        return Json.canonical(event);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) throws Exception {
        return (Map<String, Object>) Json.parse(json);
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // --- calls ---

    JsonNode register(String name, String layerCode, KeyPair key, int expected) throws Exception {
        String body = "{\"name\":\"" + name + "\","
                + (layerCode == null ? "" : "\"serviceLayerId\":\"" + layerCode + "\",") + "\"publicKey\":\""
                + Base64.getEncoder().encodeToString(Ed25519.rawPublicKey(key.getPublic())) + "\"}";
        return send("/api/v1/devices", body, Role.ENGINEER, expected);
    }

    JsonNode changeStatus(String id, String status, String reason, int expected) throws Exception {
        return send(
                "/api/v1/devices/" + id + "/status",
                "{\"status\":\"" + status + "\",\"reason\":\"" + reason + "\"}",
                Role.COMPLIANCE_MANAGER,
                expected);
    }

    JsonNode deviceJson(String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/devices/" + id).with(bearer(tenant.token(Role.AUDITOR))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    JsonNode append(String body, int expected) throws Exception {
        return send("/api/v1/ledger/entries", body, Role.ENGINEER, expected);
    }

    /** The RFC 9457 field errors of a refused append. */
    Map<String, String> refused(String body) throws Exception {
        JsonNode problem = append(body, 400);
        Map<String, String> errors = new LinkedHashMap<>();
        problem.path("errors")
                .forEach(e ->
                        errors.put(e.get("field").asString(), e.get("message").asString()));
        assertThat(errors).as(problem.toString()).isNotEmpty();
        return errors;
    }

    JsonNode send(String path, String body, Role role, int expected) throws Exception {
        String response = mvc.perform(post(path)
                        .with(bearer(tenant.token(role)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return response.isEmpty() ? json.nullNode() : json.readTree(response);
    }

    void publish() throws Exception {
        mvc.perform(post("/api/v1/ledger/checkpoints").with(bearer(tenant.token(Role.ENGINEER))))
                .andExpect(status().isCreated());
    }

    long logSize() {
        return Tenancy.callAs(
                Actor.system(tenant.organisation().id(), "test"),
                () -> context.getBean(io.serviceproof.ledger.Ledger.class).size());
    }

    String fetch(String path) throws IOException {
        return new String(fetchBytes(path), StandardCharsets.UTF_8);
    }

    byte[] fetchBytes(String path) throws IOException {
        try {
            var response = mvc.perform(get("/logs/" + tenant.organisation().slug() + "/" + path)
                            .with(bearer(tenant.token(Role.ENGINEER))))
                    .andReturn()
                    .getResponse();
            if (response.getStatus() != 200) {
                throw new IOException(path + ": HTTP " + response.getStatus());
            }
            return response.getContentAsByteArray();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static byte[] seed(int b) {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) b);
        return seed;
    }
}
