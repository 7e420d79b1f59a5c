package io.serviceproof.gateway;

import static io.serviceproof.ActingAs.bearer;
import static io.serviceproof.ActingAs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.services.Offerings;
import io.serviceproof.verifier.json.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * OPC UA certificate trust managed in the web UI (issue 19): a gateway meets a machine whose
 * certificate nobody pinned, refuses it and reports it; the device page shows its fingerprint; a
 * person trusts it there, and the gateway connects and reads the machine; the person takes the trust
 * back, and the gateway leaves. Another organisation can neither see nor decide anything of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class OpcUaTrustIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void aPersonTrustsTheMachineOnTheDevicePageAndTheGatewayConnectsAndLeavesWhenTrustIsTakenBack() throws Exception {
        TestTenant tenant = TestTenant.create(context, "opcua-trust");
        Tenancy.runAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            Offerings offerings = context.getBean(Offerings.class);
            String offering =
                    offerings.createOffering("Line", "", "", List.of("VN")).id();
            offerings.createLayer(offering, "Remote inspection", "rqi", "ai-remote-quality-inspection", null);
        });
        GatewayKey key = GatewayKey.create(dir);
        String device = (String) ((Map<?, ?>) Json.parse(mvc.perform(post("/api/v1/devices")
                                .with(bearer(tenant.token(Role.ENGINEER)))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"Line 2 gateway\",\"serviceLayerId\":\"rqi\",\"publicKey\":\""
                                        + key.publicKeyBase64() + "\"}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString()))
                .get("id");
        OpcUaCertificate client = OpcUaCertificate.loadOrCreate(dir, key.keyId(), Clock.systemUTC());
        ServerTrust trust = new ServerTrust("http://127.0.0.1:" + port, tenant.token(Role.ENGINEER), key.keyId());
        AtomicBoolean beating = new AtomicBoolean(true);
        try (InspectionCell cell = new InspectionCell(dir.resolve("cell-pki"), client.certificate());
                Spool spool = new Spool(dir.resolve("spool"), 1 << 20);
                OpcUaInput input = new OpcUaInput(
                        new GatewayConfig.OpcUaSource(
                                cell.endpoint(),
                                "Basic256Sha256",
                                List.of(),
                                50.0,
                                List.of(new GatewayConfig.OpcUaEvent(
                                        cell.node("Verdict"), "inspection.verdict", "verdict", null, null)),
                                List.of()),
                        "rqi",
                        new Intake(spool, key, 1L << 30, Clock.systemUTC()),
                        client,
                        trust,
                        Clock.systemUTC())) {
            Thread heartbeats = heartbeats(trust, beating);
            input.start();

            // Refused, reported, and shown on the device page with its fingerprint.
            String certificates = "/api/v1/devices/" + device + "/opcua-certificates";
            await(() -> read(certificates, tenant).contains(cell.fingerprint()), "the refusal reported");
            assertThat(read(certificates, tenant)).contains("\"trusted\":false", cell.endpoint());
            String page = mvc.perform(get("/devices/" + device).with(user(tenant, tenant.user(Role.ENGINEER))))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("id=\"opcua-certificates\"", cell.fingerprint(), "Inspection cell 1");
            assertThat(input.subscribed).isFalse();

            // Another organisation cannot see it, nor decide on it.
            TestTenant other = TestTenant.create(context, "opcua-trust-other");
            mvc.perform(get(certificates).with(bearer(other.token(Role.OWNER)))).andExpect(status().isNotFound());
            mvc.perform(post("/devices/" + device + "/opcua-certificates/" + cell.fingerprint())
                            .with(user(other, other.user(Role.OWNER)))
                            .with(csrf())
                            .param("trusted", "true"))
                    .andExpect(status().isNotFound());

            // A person trusts it on the page: the gateway connects with its next heartbeat, and reads.
            mvc.perform(post("/devices/" + device + "/opcua-certificates/" + cell.fingerprint())
                            .with(user(tenant, tenant.user(Role.ENGINEER)))
                            .with(csrf())
                            .param("trusted", "true"))
                    .andExpect(status().is3xxRedirection());
            await(() -> input.subscribed, "subscribed once trusted; last error " + input.lastError);
            cell.write("Verdict", "pass", Instant.parse("2026-12-05T08:00:01Z"));
            await(() -> spool.pendingRecords() >= 1, "a verdict spooled");
            assertThat(read(certificates, tenant)).contains("\"trusted\":true", "\"decidedBy\":\"");
            String trail = mvc.perform(get("/api/v1/trail").with(bearer(tenant.token(Role.OWNER))))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(trail).contains("device.opcua-trusted");

            // The trust taken back: the gateway leaves the machine, and what it writes is not read.
            mvc.perform(post("/devices/" + device + "/opcua-certificates/" + cell.fingerprint())
                            .with(user(tenant, tenant.user(Role.OWNER)))
                            .with(csrf())
                            .param("trusted", "false"))
                    .andExpect(status().is3xxRedirection());
            await(() -> !input.subscribed, "left once the trust was taken back");
            long before = spool.pendingRecords();
            cell.write("Verdict", "fail", Instant.parse("2026-12-05T08:00:02Z"));
            Thread.sleep(1_500);
            assertThat(spool.pendingRecords()).isEqualTo(before);
            beating.set(false);
            heartbeats.join(5_000);
        }
    }

    @Test
    void aReportThatIsNotAFingerprintOrAnOpcUaEndpointIsRefusedAndChangesNothing() throws Exception {
        TestTenant tenant = TestTenant.create(context, "opcua-trust-hostile");
        GatewayKey key = GatewayKey.create(dir);
        String device = (String) ((Map<?, ?>) Json.parse(mvc.perform(post("/api/v1/devices")
                                .with(bearer(tenant.token(Role.ENGINEER)))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"Gateway\",\"publicKey\":\"" + key.publicKeyBase64() + "\"}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()))
                .get("id");
        String certificates = "/api/v1/devices/" + device + "/opcua-certificates";
        for (String body : List.of(
                "{\"endpoint\":\"opc.tcp://cell:4840\",\"fingerprint\":\"not-hex\"}",
                "{\"endpoint\":\"http://cell:4840\",\"fingerprint\":\"" + "ab".repeat(32) + "\"}",
                "{\"endpoint\":\"opc.tcp://cell:4840\",\"fingerprint\":\"" + "ab".repeat(31) + "\"}")) {
            mvc.perform(post(certificates)
                            .with(bearer(tenant.token(Role.ENGINEER)))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest());
        }
        // Nothing reported, nothing to decide: a decision on an unknown certificate is a 404.
        assertThat(read(certificates, tenant)).isEqualTo("[]");
        mvc.perform(post("/devices/" + device + "/opcua-certificates/" + "ef".repeat(32))
                        .with(user(tenant, tenant.user(Role.ENGINEER)))
                        .with(csrf())
                        .param("trusted", "true"))
                .andExpect(status().isNotFound());
        // A token (the gateway's own, say) cannot decide, even where it reaches the service itself.
        mvc.perform(post(certificates)
                        .with(bearer(tenant.token(Role.ENGINEER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"endpoint\":\"opc.tcp://cell:4840\",\"fingerprint\":\"" + "CD:".repeat(31)
                                + "CD\"}"))
                .andExpect(status().isAccepted());
        Actor gatewayToken =
                new Actor(tenant.organisation().id(), Actor.Kind.TOKEN, "t-1", "line 2 gateway", Role.OWNER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tenancy.callAs(
                        gatewayToken,
                        () -> context.getBean(io.serviceproof.devices.OpcUaTrust.class)
                                .decide(device, "cd".repeat(32), true)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(read(certificates, tenant)).contains("\"fingerprint\":\"" + "cd".repeat(32), "\"trusted\":false");
        // There is no API to decide with.
        mvc.perform(post("/api/v1/devices/" + device + "/opcua-certificates/" + "cd".repeat(32) + "/trust")
                        .with(bearer(tenant.token(Role.OWNER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"trusted\":true}"))
                .andExpect(status().is4xxClientError());
        // An auditor reads but does not decide.
        mvc.perform(post("/devices/" + device + "/opcua-certificates/" + "cd".repeat(32))
                        .with(user(tenant, tenant.user(Role.AUDITOR)))
                        .with(csrf())
                        .param("trusted", "true"))
                .andExpect(status().isForbidden());
    }

    /** What the gateway's uplink does with each heartbeat, a few times a second here. */
    private static Thread heartbeats(ServerTrust trust, AtomicBoolean beating) {
        Thread thread = new Thread(() -> {
            while (beating.get()) {
                try {
                    trust.sync();
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // as the uplink: tried again with the next beat
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private String read(String path, TestTenant tenant) throws Exception {
        return mvc.perform(get(path).with(bearer(tenant.token(Role.AUDITOR))))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within 30 s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
