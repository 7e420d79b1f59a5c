package io.serviceproof.dossier;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.common.Sha256;
import io.serviceproof.common.blobs.BlobStore;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.services.Offerings;
import io.serviceproof.verifier.credential.CredentialVerifier;
import io.serviceproof.verifier.dossier.DossierVerifier;
import io.serviceproof.verifier.dossier.StrictZip;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** A credential's dossier carries everything needed to check it, and any change to it is found. */
@SpringBootTest
@AutoConfigureMockMvc
class DossierIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void aDossierVerifiesOfflineAndAnyChangeToItIsNamed() throws Exception {
        TestTenant tenant = TestTenant.create(context, "dossier");
        String credentialId = issueCredential(tenant);
        byte[] zip = mvc.perform(get("/api/v1/credentials/" + credentialId + "/dossier")
                        .with(bearer(tenant.token(Role.AUDITOR))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String did = mvc.perform(get("/orgs/" + tenant.organisation().slug() + "/did.json"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        StrictZip.read(zip, name -> true).forEach((name, entry) -> files.put(name, entry.bytes()));
        assertThat(files.keySet())
                .contains(
                        "manifest.json",
                        "manifest.sig",
                        "credential.json",
                        "issuer/did.json",
                        "issuer/status-list.json",
                        "log/log.vkey",
                        "log/checkpoint",
                        "assessment/oscal-assessment-results.json",
                        "report/index.html",
                        "report/report-en.pdf")
                .anyMatch(name -> name.startsWith("log/proofs/entry-"))
                .anyMatch(name -> name.startsWith("sla/rqi-"));
        // Both PDF reports open with a Vietnamese summary page, set in a font that has its accents.
        assertThat(new String(files.get("report/report-en.pdf"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("DejaVuSans");
        // The summary is in English, Chinese and Vietnamese (the target market's language).
        assertThat(new String(files.get("report/index.html"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Conformity dossier", "合规档案", "Hồ sơ hợp chuẩn", "Revocation status as of", "valid until");

        // The same dossier built in the background, watched step by step.
        String started = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/credentials/" + credentialId + "/dossiers")
                        .with(bearer(tenant.token(Role.COMPLIANCE_MANAGER))))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        byte[] built = awaitBuilt(started, tenant.token(Role.AUDITOR));
        assertThat(DossierVerifier.verify(built, Optional.of(did), Instant.now())
                        .valid())
                .isTrue();

        // A build that was acknowledged but never finished (the server stopped mid-way) is run again
        // when the server is ready, and can then be downloaded like any other.
        String interrupted = java.util.UUID.randomUUID().toString();
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("INSERT INTO dossier_builds (id, organisation_id, credential_id, state, started_at)"
                        + " VALUES (:id, :org, :credential, 'RUNNING', 0)")
                .param("id", interrupted)
                .param("org", tenant.organisation().id().toString())
                .param("credential", credentialId)
                .update();
        context.getBean(DossierJobs.class).resumeInterrupted();
        byte[] rebuilt = awaitBuilt("/api/v1/dossier-builds/" + interrupted, tenant.token(Role.AUDITOR));
        assertThat(DossierVerifier.verify(rebuilt, Optional.of(did), Instant.now())
                        .valid())
                .isTrue();

        // Against anchors obtained from the issuer's published addresses, not from the dossier, every
        // check is made and passes; with the DID document alone, revocation and log proofs are not made.
        String slug = tenant.organisation().slug();
        String statusList = mvc.perform(get("/orgs/" + slug + "/credentials/status/1"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String vkey = mvc.perform(get("/logs/" + slug + "/vkey").with(bearer(tenant.token(Role.AUDITOR))))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .strip();
        CredentialVerifier.Report report = DossierVerifier.verify(
                zip,
                new DossierVerifier.Anchors(
                        Optional.of(did),
                        Optional.of(statusList),
                        Optional.of(io.serviceproof.verifier.note.VerifierKey.parse(vkey)),
                        false),
                Instant.now());
        assertThat(report.complete()).as(report.toString()).isTrue();
        assertThat(report.checks())
                .extracting(CredentialVerifier.Check::outcome)
                .containsOnly(CredentialVerifier.Outcome.PASSED);
        assertThat(report.checks())
                .extracting(CredentialVerifier.Check::name)
                .contains("issuance", "log consistency", "credential log facts");
        CredentialVerifier.Report didOnly = DossierVerifier.verify(zip, Optional.of(did), Instant.now());
        assertThat(didOnly.valid()).isTrue();
        assertThat(didOnly.complete()).isFalse();
        assertThat(didOnly.notChecked())
                .extracting(CredentialVerifier.Check::name)
                .contains("credential revocation");

        // One file changed, one added, the manifest edited, another issuer's key: each named.
        Map<String, byte[]> changed = new java.util.LinkedHashMap<>(files);
        changed.put("report/index.html", "<p>forged</p>".getBytes());
        assertThat(failures(rezip(changed), did)).containsExactly("files");
        Map<String, byte[]> added = new java.util.LinkedHashMap<>(files);
        added.put("evidence/extra.pdf", new byte[] {1, 2, 3});
        assertThat(failures(rezip(added), did)).containsExactly("files");
        Map<String, byte[]> edited = new java.util.LinkedHashMap<>(files);
        edited.put(
                "manifest.json",
                new String(files.get("manifest.json"))
                        .replace("\"size\":", "\"size\": ")
                        .getBytes());
        assertThat(failures(rezip(edited), did)).contains("manifest signature");
        TestTenant other = TestTenant.create(context, "dossier-other");
        String otherDid = mvc.perform(get("/orgs/" + other.organisation().slug() + "/did.json"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(failures(zip, otherDid)).contains("manifest signature", "credential signature");
    }

    private static List<String> failures(byte[] zip, String did) {
        return DossierVerifier.verify(zip, Optional.of(did), Instant.now()).failures().stream()
                .map(CredentialVerifier.Check::name)
                .toList();
    }

    private static byte[] rezip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Polls a build until it is no longer running; it must be DONE. Returns its zip. */
    /** A credential of a signed-off assessment of a one-layer offering, issued for the tenant. */
    private String issueCredential(TestTenant tenant) {
        return Tenancy.callAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            Offerings offerings = context.getBean(Offerings.class);
            Assessments assessments = context.getBean(Assessments.class);
            String offering =
                    offerings.createOffering("Line", "", "", List.of("VN")).id();
            String layer = offerings
                    .createLayer(offering, "Inspection", "rqi", "ai-remote-quality-inspection", null)
                    .id();
            offerings.publish(layer);
            String assessment = assessments.create(offering, "VN").id();
            assessments.signOff(assessment);
            return context.getBean(io.serviceproof.dossier.CredentialIssuance.class)
                    .issue(assessment, "test: gaps included")
                    .id();
        });
    }

    @Test
    void aFinishedDossierIsKeptADayAndItsBytesGoOnlyWhenNothingElseHoldsThem() throws Exception {
        TestTenant tenant = TestTenant.create(context, "dossier-retention");
        String credentialId = issueCredential(tenant);
        String kept = startBuild(credentialId, tenant);
        byte[] keptZip = awaitBuilt(kept, tenant.token(Role.AUDITOR));
        String dropped = startBuild(credentialId, tenant);
        byte[] droppedZip = awaitBuilt(dropped, tenant.token(Role.AUDITOR));
        assertThat(Sha256.hex(keptZip)).as("each build is signed anew").isNotEqualTo(Sha256.hex(droppedZip));
        // The first dossier is also kept as evidence (say, attached to a tender): the same bytes, one blob.
        mvc.perform(multipart("/api/v1/evidence")
                        .file(new MockMultipartFile("file", "dossier.zip", "application/zip", keptZip))
                        .param("title", "Dossier as submitted")
                        .param("type", "E1")
                        .with(bearer(tenant.token(Role.COMPLIANCE_MANAGER))))
                .andExpect(status().isCreated());

        // A day after they finished, both builds are forgotten; the evidence keeps its file.
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        jdbc.sql("UPDATE dossier_builds SET finished_at = 0 WHERE credential_id = :credential")
                .param("credential", credentialId)
                .update();
        context.getBean(DossierJobs.class).resumeInterrupted();
        for (String build : List.of(kept, dropped)) {
            mvc.perform(get(build).with(bearer(tenant.token(Role.AUDITOR)))).andExpect(status().isNotFound());
        }
        BlobStore blobs = context.getBean(BlobStore.class);
        assertThat(blobs.intact(Sha256.hex(keptZip))).as("held by the evidence").isTrue();
        assertThat(blobs.intact(Sha256.hex(droppedZip))).as("held by nothing").isFalse();
    }

    private String startBuild(String credentialId, TestTenant tenant) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/credentials/" + credentialId + "/dossiers")
                        .with(bearer(tenant.token(Role.COMPLIANCE_MANAGER))))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");
    }

    private byte[] awaitBuilt(String build, String token) throws Exception {
        String state = "RUNNING";
        for (int i = 0; i < 300 && state.equals("RUNNING"); i++) {
            Thread.sleep(100);
            String progress = mvc.perform(get(build).with(bearer(token)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            state = (String) ((Map<?, ?>) io.serviceproof.verifier.json.Json.parse(progress)).get("state");
        }
        assertThat(state).as(build).isEqualTo("DONE");
        return mvc.perform(get(build + "/file").with(bearer(token)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }
}
