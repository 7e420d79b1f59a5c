package io.serviceproof.dossier;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.services.Offerings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Our credentials verify with an implementation that is not ours: Digital Bazaar's VC library with
 * their Data Integrity and eddsa-jcs-2022 suites (interop/verify.mjs, installed from the npm registry
 * by the build), given only the credential and the issuer's DID document as we serve them.
 */
@SpringBootTest
@AutoConfigureMockMvc
public class IndependentVerificationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @TempDir
    Path folder;

    public record Run(int exit, String output) {}

    public static Run node(Path... files) throws Exception {
        Path interop = Path.of(System.getProperty("serviceproof.interop.dir", "../interop"));
        assertThat(interop.resolve("node_modules/@digitalbazaar/vc"))
                .as("the interop packages: the build installs them (npm ci in interop/)")
                .exists();
        List<String> command = new java.util.ArrayList<>(
                List.of("node", interop.resolve("verify.mjs").toString()));
        for (Path file : files) {
            command.add(file.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The real UNTP context, from the shared test vectors (a local copy of the published file).
        builder.environment()
                .put(
                        "UNTP_CONTEXT_DIR",
                        Path.of(System.getProperty("serviceproof.shared.dir", "../../shared"))
                                .resolve("testvectors/untp-dcc")
                                .toAbsolutePath()
                                .toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void digitalBazaarsVerifierAcceptsOurCredentialAndRefusesItChanged() throws Exception {
        TestTenant tenant = TestTenant.create(context, "interop");
        Offerings offerings = context.getBean(Offerings.class);
        Assessments assessments = context.getBean(Assessments.class);
        String credentialId = Tenancy.callAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            String offering =
                    offerings.createOffering("Line", "", "", List.of("TH")).id();
            String layer = offerings
                    .createLayer(offering, "Inspection", "rqi", "ai-remote-quality-inspection", null)
                    .id();
            offerings.publish(layer);
            String assessment = assessments.create(offering, "TH").id();
            assessments.signOff(assessment);
            return context.getBean(io.serviceproof.dossier.CredentialIssuance.class)
                    .issue(assessment, "test: gaps included")
                    .id();
        });
        Path credential = folder.resolve("credential.json");
        Files.writeString(
                credential,
                mvc.perform(get("/api/v1/credentials/" + credentialId).with(bearer(tenant.token(Role.AUDITOR))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        Path did = folder.resolve("did.json");
        Files.writeString(
                did,
                mvc.perform(get("/orgs/" + tenant.organisation().slug() + "/did.json"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());

        // The revocation list is a credential of its own, signed the same way.
        Path statusList = folder.resolve("status.json");
        Files.writeString(statusList, statusListOf(tenant));
        assertThat(node(statusList, did).output()).startsWith("VALID");

        // Signature, safe-mode expansion with the real contexts, and the status bit.
        Run valid = node(credential, did, statusList);
        assertThat(valid.output()).startsWith("VALID");
        assertThat(valid.exit()).isZero();

        // A term no context defines is an error in safe mode, not silently dropped.
        Path extraTerm = folder.resolve("extra-term.json");
        Files.writeString(extraTerm, Files.readString(credential).replaceFirst("\\{", "{\"undefinedTerm\":1,"));
        Run dropped = node(extraTerm, did, statusList);
        assertThat(dropped.output()).startsWith("INVALID").contains("safe mode");

        Path tamperedFile = folder.resolve("tampered.json");
        Files.writeString(tamperedFile, Files.readString(credential).replace("\"name\":\"Line\"", "\"name\":\"Lime\""));
        Run tampered = node(tamperedFile, did, statusList);
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.output()).startsWith("INVALID");

        // Revoked: the issuer's new list sets the credential's bit, and the status check sees it.
        mvc.perform(post("/api/v1/credentials/" + credentialId + "/revoke")
                        .with(bearer(tenant.token(Role.COMPLIANCE_MANAGER)))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"withdrawn for the test\"}"))
                .andExpect(status().isOk());
        Files.writeString(statusList, statusListOf(tenant));
        Run revoked = node(credential, did, statusList);
        assertThat(revoked.exit()).isEqualTo(1);
        assertThat(revoked.output()).startsWith("INVALID").contains("revocation");
    }

    private String statusListOf(TestTenant tenant) throws Exception {
        return mvc.perform(get("/orgs/" + tenant.organisation().slug() + "/credentials/status/1"))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
