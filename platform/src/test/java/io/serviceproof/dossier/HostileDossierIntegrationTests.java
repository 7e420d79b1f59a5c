package io.serviceproof.dossier;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.serviceproof.TestTenant;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.cli.ServiceProofVerify;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.services.Offerings;
import io.serviceproof.verifier.dossier.StrictZip;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Altered and forged dossiers, made here from a genuine one: the offline CLI (with anchors fetched
 * from the issuer's published addresses) and the public page judge each the same way — never valid —
 * and the genuine dossier valid on both.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileDossierIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @TempDir
    Path folder;

    TestTenant tenant;
    byte[] genuine;
    byte[] another;
    Path did;
    Path statusList;
    String vkey;

    private String issueAndDossier(Assessments assessments, String offering) throws Exception {
        String assessment = assessments.create(offering, "VN").id();
        assessments.signOff(assessment);
        return context.getBean(CredentialIssuance.class)
                .issue(assessment, "test: gaps included")
                .id();
    }

    private byte[] dossier(String credentialId) throws Exception {
        return mvc.perform(get("/api/v1/credentials/" + credentialId + "/dossier")
                        .with(bearer(tenant.token(Role.AUDITOR))))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private String text(String path, boolean token) throws Exception {
        var request = get(path);
        if (token) {
            request = request.with(bearer(tenant.token(Role.AUDITOR)));
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    @BeforeEach
    void dossiers() throws Exception {
        tenant = TestTenant.create(context, "hostile");
        String[] ids = Tenancy.callAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            try {
                Offerings offerings = context.getBean(Offerings.class);
                Assessments assessments = context.getBean(Assessments.class);
                String offering =
                        offerings.createOffering("Line", "", "", List.of("VN")).id();
                offerings.publish(offerings
                        .createLayer(offering, "Inspection", "rqi", "ai-remote-quality-inspection", null)
                        .id());
                return new String[] {issueAndDossier(assessments, offering), issueAndDossier(assessments, offering)};
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        genuine = dossier(ids[0]);
        another = dossier(ids[1]);
        String slug = tenant.organisation().slug();
        did = Files.writeString(folder.resolve("did.json"), text("/orgs/" + slug + "/did.json", false));
        statusList = Files.writeString(
                folder.resolve("status.json"), text("/orgs/" + slug + "/credentials/status/1", false));
        vkey = text("/logs/" + slug + "/vkey", true).strip();
    }

    private int cli(byte[] zip) throws Exception {
        Path file = Files.write(folder.resolve("dossier.zip"), zip);
        return ServiceProofVerify.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                "dossier",
                file.toString(),
                "--did-document",
                did.toString(),
                "--status-list",
                statusList.toString(),
                "--vkey",
                vkey);
    }

    private boolean page(byte[] zip) {
        return context.getBean(PublicVerification.class).verify(zip).report().complete();
    }

    private static Map<String, byte[]> files(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        StrictZip.read(zip, name -> true).forEach((name, entry) -> files.put(name, entry.bytes()));
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static UnaryOperator<byte[]> changeFile(String name, UnaryOperator<byte[]> change) {
        return zip -> {
            try {
                Map<String, byte[]> files = files(zip);
                files.put(name, change.apply(files.get(name)));
                return zip(files);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void everyAlterationIsJudgedTheSameByTheCliAndThePublicPage() throws Exception {
        assertThat(cli(genuine)).as("the genuine dossier, offline").isZero();
        assertThat(page(genuine)).as("the genuine dossier, on /verify").isTrue();

        Map<String, UnaryOperator<byte[]>> hostile = new LinkedHashMap<>();
        hostile.put("bytes in front", zip -> concat("MZ-self-extractor-stub".getBytes(), zip));
        hostile.put("bytes after", zip -> concat(zip, "trailing".getBytes()));
        hostile.put("truncated", zip -> Arrays.copyOf(zip, zip.length - 100));
        hostile.put("a comment", zip -> {
            byte[] out = concat(zip, "hi".getBytes());
            out[zip.length - 2] = 2; // the end record's comment length
            return out;
        });
        hostile.put("an added file", zip -> {
            try {
                Map<String, byte[]> files = files(zip);
                files.put("evidence/x/v1-certificate.pdf", "forged".getBytes());
                return zip(files);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        hostile.put("a name that climbs out", zip -> {
            try {
                Map<String, byte[]> files = files(zip);
                files.put("../../escaped.txt", "x".getBytes());
                return zip(files);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        hostile.put("the credential of another dossier", zip -> {
            Map<String, byte[]> other = files(another);
            return changeFile("credential.json", c -> other.get("credential.json"))
                    .apply(zip);
        });
        hostile.put("a log entry changed", zip -> {
            String entry = files(zip).keySet().stream()
                    .filter(n -> n.startsWith("log/entries/"))
                    .findFirst()
                    .orElseThrow();
            return changeFile(
                            entry,
                            e -> new String(e, StandardCharsets.UTF_8)
                                    .replace("\"schema\"", "\"schemA\"")
                                    .getBytes(StandardCharsets.UTF_8))
                    .apply(zip);
        });
        for (var attack : hostile.entrySet()) {
            byte[] altered = attack.getValue().apply(genuine);
            assertThat(cli(altered)).as("CLI: " + attack.getKey()).isNotZero();
            assertThat(page(altered)).as("/verify: " + attack.getKey()).isFalse();
        }
    }
}
