package io.serviceproof.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.TestTenant;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.devices.Device;
import io.serviceproof.devices.Devices;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.LogReader;
import io.serviceproof.services.Offerings;
import io.serviceproof.verifier.credential.CredentialVerifier;
import io.serviceproof.verifier.credential.CredentialVerifier.Check;
import io.serviceproof.verifier.credential.CredentialVerifier.Outcome;
import io.serviceproof.verifier.dossier.DeviceKeys;
import io.serviceproof.verifier.dossier.DossierFormat;
import io.serviceproof.verifier.dossier.DossierVerifier;
import io.serviceproof.verifier.dossier.StrictZip;
import io.serviceproof.verifier.note.Ed25519;
import io.serviceproof.verifier.note.VerifierKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A dossier carries the device keys of the offering's layers with the log entries that registered
 * them and changed their status; the verifier checks them against the log's key, and a dossier that
 * misstates a key's status or passes another entry off as its registration fails.
 */
@SpringBootTest
class DossierDeviceKeysIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void theDossierCarriesTheLayersDeviceKeysAsTheLogRecordsThem() throws Exception {
        TestTenant tenant = TestTenant.create(context, "dossier-devices");
        Actor system = Actor.system(tenant.organisation().id(), "test");
        Map<String, byte[]> files = new LinkedHashMap<>();
        Device[] registered = new Device[3];
        byte[] zip = Tenancy.callAs(system, () -> {
            Offerings offerings = context.getBean(Offerings.class);
            String offering =
                    offerings.createOffering("Line", "", "", List.of("VN")).id();
            String layer = offerings
                    .createLayer(offering, "Inspection", "rqi", "ai-remote-quality-inspection", null)
                    .id();
            offerings.publish(layer);
            String warehouse =
                    offerings.createOffering("Warehouse", "", "", List.of("VN")).id();
            offerings.createLayer(warehouse, "Warehouse SaaS", "wms", "warehouse-saas", null);
            Devices devices = context.getBean(Devices.class);
            registered[0] = devices.register(new Devices.Registration("Camera", "rqi", key(1)));
            registered[1] = devices.register(new Devices.Registration("Old camera", "rqi", key(2)));
            devices.changeStatus(registered[1].id(), Device.Status.SUSPENDED, "lens replaced");
            // A key for another layer signs none of this offering's events: it is not carried.
            registered[2] = devices.register(new Devices.Registration("Warehouse", "wms", key(3)));
            Assessments assessments = context.getBean(Assessments.class);
            String assessment = assessments.create(offering, "VN").id();
            assessments.signOff(assessment);
            String credential = context.getBean(CredentialIssuance.class)
                    .issue(assessment, "test: gaps included")
                    .id();
            return context.getBean(Dossiers.class).build(credential);
        });
        StrictZip.read(zip, name -> true).forEach((name, entry) -> files.put(name, entry.bytes()));
        VerifierKey logKey = VerifierKey.parse(Tenancy.callAs(
                system,
                () -> context.getBean(LogReader.class)
                        .verifierKey(tenant.organisation().id())));

        CredentialVerifier.Report report = DossierVerifier.verify(
                zip,
                new DossierVerifier.Anchors(Optional.empty(), Optional.empty(), Optional.of(logKey), true),
                Instant.now());
        Check devices = report.checks().stream()
                .filter(c -> c.name().equals("device keys"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no device keys check: " + report));
        assertThat(devices.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(devices.detail())
                .startsWith("2 registered in the log")
                .contains(registered[0].keyId() + " (active", registered[1].keyId() + " (suspended")
                .doesNotContain(registered[2].keyId());
        assertThat(files).containsKey(DossierFormat.entryPath(registered[0].registrationIndex()));

        String manifest = new String(files.get(DossierFormat.MANIFEST), StandardCharsets.UTF_8);
        // The suspended key said to be active: the log's last status for it says otherwise.
        assertThat(check(manifest.replace("\"status\":\"suspended\"", "\"status\":\"active\""), files, logKey))
                .isEqualTo("status-misstated");
        // Another entry passed off as a key's registration.
        assertThat(check(
                        manifest.replace(
                                "\"registrationLogIndex\":" + registered[0].registrationIndex(),
                                "\"registrationLogIndex\":" + registered[1].registrationIndex()),
                        files,
                        logKey))
                .isEqualTo("registration-other");
        // A registration entry rewritten to carry another key: its proof no longer holds.
        Map<String, byte[]> rewritten = new LinkedHashMap<>(files);
        String path = DossierFormat.entryPath(registered[0].registrationIndex());
        rewritten.put(
                path,
                new String(files.get(path), StandardCharsets.UTF_8)
                        .replace("\"name\":\"Camera\"", "\"name\":\"Camera 2\"")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(check(manifest, rewritten, logKey)).isEqualTo("proof-invalid");
        // Without the log's key nothing is proven: not checked, and the verdict cannot be complete.
        assertThat(DeviceKeys.check(manifest.getBytes(StandardCharsets.UTF_8), files, Optional.empty())
                        .orElseThrow()
                        .outcome())
                .isEqualTo(Outcome.NOT_CHECKED);
    }

    private static String check(String manifest, Map<String, byte[]> files, VerifierKey logKey) {
        Check check = DeviceKeys.check(manifest.getBytes(StandardCharsets.UTF_8), files, Optional.of(logKey))
                .orElseThrow();
        assertThat(check.outcome()).as(check.detail()).isEqualTo(Outcome.FAILED);
        return check.reason();
    }

    private static String key(int seed) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) seed;
        return Base64.getEncoder()
                .encodeToString(Ed25519.rawPublicKey(Ed25519.fromSeed(bytes).getPublic()));
    }
}
