package io.serviceproof.attestation;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.common.Sha256;
import io.serviceproof.dossier.IndependentVerificationIntegrationTests;
import io.serviceproof.dossier.UntpSchema;
import io.serviceproof.identity.Role;
import io.serviceproof.verifier.credential.CredentialVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * An engagement from invitation to attestation and withdrawal, over the API, as the exporter, the
 * body and a third organisation would try it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EngagementIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    EngagementFixture f;
    String exporter;
    String body;
    String base;

    @BeforeEach
    void engage() throws Exception {
        f = EngagementFixture.create(context, mvc);
        exporter = f.exporter().token(Role.COMPLIANCE_MANAGER);
        body = f.body().token(Role.COMPLIANCE_MANAGER);
        base = "/api/v1/engagements/" + f.engagementId();
    }

    @Test
    void bodyReviewsSamplesAndAttestsAndTheExportersRecognitionLayerCountsIt() throws Exception {
        // The body reads the frozen snapshot; its digest is the one the invitation named.
        String snapshot = call(get(base + "/snapshot"), body)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode engagement = json(call(get(base), exporter)).get("engagement");
        assertThat(Sha256.hex(snapshot.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(engagement.get("snapshotSha256").asString());
        JsonNode frozen = EngagementFixture.JSON.readTree(snapshot);
        assertThat(frozen.path("evidence").get(0).path("itemId").asString()).isEqualTo(f.evidenceItemId());

        // ... and the evidence file it lists, with its digest; nothing the snapshot does not list.
        byte[] file = call(get(base + "/evidence/" + f.evidenceItemId()), body)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo("incident plan");
        call(get(base + "/evidence/not-listed"), body).andExpect(status().isNotFound());

        // Every read is in the exporter's trail, named as the body's person.
        String trail = call(
                        get("/api/v1/trail?action=engagement.accessed"),
                        f.exporter().token(Role.OWNER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(trail)
                .contains(
                        "compliance_manager-token (certbody Ltd)",
                        "\"snapshot\"",
                        "evidence Incident response plan v1");

        // Remote audit: an entry of the exporter's log, its inclusion proof checked against the pinned key.
        JsonNode sample = json(call(post(base + "/samples").content("{\"index\":0}"), body));
        assertThat(sample.get("verified").asBoolean()).isTrue();
        assertThat(sample.get("tlogProof").asString()).startsWith("c2sp.org/tlog-proof@v1");
        call(post(base + "/samples").content("{\"index\":999999}"), body).andExpect(status().isBadRequest());

        // Findings: a major nonconformity becomes an action in the exporter's plan and blocks attestation.
        String requirement = frozen.path("assessment")
                .path("results")
                .get(0)
                .path("requirementId")
                .asString();
        String other = frozen.path("assessment")
                .path("results")
                .get(1)
                .path("requirementId")
                .asString();
        JsonNode major = json(call(
                post(base + "/findings")
                        .content("{\"requirementId\":\"" + requirement
                                + "\",\"grade\":\"major\",\"reason\":\"No tested failover\",\"evidenceItemId\":\""
                                + f.evidenceItemId() + "\"}"),
                body));
        assertThat(major.get("status").asString()).isEqualTo("open");
        assertThat(major.get("evidenceSha256").asString())
                .isEqualTo(frozen.path("evidence").get(0).path("sha256").asString());
        json(call(
                post(base + "/findings").content("{\"requirementId\":\"" + other + "\",\"grade\":\"accepted\"}"),
                body));
        String plan = call(
                        get("/api/v1/assessments/"
                                + engagement.get("assessmentId").asString() + "/actions"),
                        exporter)
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(plan).contains("[Major nonconformity]", "No tested failover");
        call(post(base + "/attestation"), body)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("major nonconformity")));

        // Only the exporter answers; only the body closes.
        String finding = base + "/findings/" + major.get("id").asString();
        call(post(finding + "/answer").content("{\"answer\":\"x\"}"), body).andExpect(status().isConflict());
        call(post(finding + "/answer").content("{\"answer\":\"Failover tested on 2026-11-30\"}"), exporter)
                .andExpect(status().isOk());
        call(post(finding + "/close"), exporter).andExpect(status().isConflict());
        call(post(finding + "/close"), body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("closed"));
        assertThat(call(
                                get("/api/v1/assessments/"
                                        + engagement.get("assessmentId").asString() + "/actions"),
                                exporter)
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("\"done\"");

        // The attestation: the body's credential, schema-valid, verifiable, naming what it rests on.
        JsonNode attestation = json(call(post(base + "/attestation"), body));
        String document = attestation.get("document").asString();
        assertThat(UntpSchema.violations(document)).isEmpty();
        JsonNode vc = EngagementFixture.JSON.readTree(document);
        JsonNode subject = vc.get("credentialSubject");
        assertThat(subject.get("assessorLevel").asString()).isEqualTo("3rdParty");
        assertThat(subject.get("assessmentLevel").asString()).isEqualTo("Accredited");
        assertThat(subject.get("attestationType").asString()).isEqualTo("certification");
        assertThat(vc.get("issuer").get("id").asString())
                .endsWith(f.body().organisation().slug());
        assertThat(subject.get("issuedToParty").get("id").asString())
                .endsWith(f.exporter().organisation().slug());
        assertThat(subject.get("authorisation").get(0).get("name").asString()).contains("ACC-1", "ISO/IEC 17021-1");
        JsonNode assessed = subject.get("assessment").get(0);
        assertThat(assessed.get("sp:engagementDigest").asString())
                .isEqualTo("sha256:" + engagement.get("snapshotSha256").asString());
        assertThat(assessed.get("sp:exporterCredentialDigest").asString())
                .isEqualTo("sha256:" + frozen.path("credential").path("sha256").asString());
        assertThat(assessed.get("sp:exporterLog").get("sp:checkpoint").asString())
                .contains(f.exporter().organisation().slug());
        assertThat(assessed.get("sp:findingsRaised").asInt()).isEqualTo(1);

        String did = mvc.perform(get("/orgs/" + f.body().organisation().slug() + "/did.json"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        CredentialVerifier.Report report = verify(document, did, list(1), list(2));
        assertThat(report.complete()).as(report.checks().toString()).isTrue();
        assertThat(report.checks()).extracting(CredentialVerifier.Check::name).contains("revocation", "suspension");
        assertThat(report.claim().orElseThrow().thirdParty()).isPresent();

        // Digital Bazaar's verifier agrees, with the real contexts in safe mode and both status lists.
        Path folder = java.nio.file.Files.createTempDirectory("third-party");
        Path credentialFile = java.nio.file.Files.writeString(folder.resolve("credential.json"), document);
        Path didFile = java.nio.file.Files.writeString(folder.resolve("did.json"), did);
        Path revocationFile = java.nio.file.Files.writeString(folder.resolve("status-1.json"), list(1));
        Path suspensionFile = java.nio.file.Files.writeString(folder.resolve("status-2.json"), list(2));
        assertThat(IndependentVerificationIntegrationTests.node(credentialFile, didFile, revocationFile, suspensionFile)
                        .output())
                .startsWith("VALID");

        // Suspension: every verifier sees it, the exporter's result follows; reinstatement undoes both.
        call(post(base + "/attestation/suspend").content("{\"reason\":\"surveillance audit overdue\"}"), body)
                .andExpect(status().isOk());
        assertThat(verify(document, did, list(1), list(2)).failures())
                .singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("suspended"));
        java.nio.file.Files.writeString(suspensionFile, list(2));
        assertThat(IndependentVerificationIntegrationTests.node(credentialFile, didFile, revocationFile, suspensionFile)
                        .output())
                .startsWith("INVALID")
                .contains("suspension");
        assertThat(resultStatus(attestation)).isEqualTo("suspended");
        call(post(base + "/attestation/suspend").content("{\"reason\":\"again\"}"), body)
                .andExpect(status().isConflict());
        call(post(base + "/attestation/reinstate"), exporter).andExpect(status().isConflict());
        call(post(base + "/attestation/reinstate"), body).andExpect(status().isOk());
        assertThat(verify(document, did, list(1), list(2)).failures()).isEmpty();
        assertThat(resultStatus(attestation)).isEqualTo("active");
        call(post(base + "/attestation"), body).andExpect(status().isConflict());

        // The exporter's recognition layer now holds the body's result; the accreditation as the body's claim.
        JsonNode recognition = json(call(get("/api/v1/catalog/recognition"), exporter));
        JsonNode result = find(
                recognition.get("conformityResults"),
                "attestation:" + attestation.get("credentialId").asString());
        assertThat(result.get("record").get("kind").asString()).isEqualTo("certificate");
        assertThat(result.get("record").get("status").asString()).isEqualTo("active");
        assertThat(result.get("record").get("framework").asString()).isEqualTo("iso-iec-27001@2022");
        JsonNode accreditation = find(recognition.get("accreditations"), "ACC-1");
        assertThat(accreditation.get("provenance").get("review").isNull()).isTrue();

        // Withdrawal: every verifier sees it, and the exporter's result says so.
        call(post(base + "/attestation/withdraw").content("{\"reason\":\"surveillance audit missed\"}"), body)
                .andExpect(status().isOk());
        assertThat(verify(document, did, list(1), list(2)).failures())
                .extracting(CredentialVerifier.Check::name)
                .contains("revocation");
        JsonNode after = find(
                json(call(get("/api/v1/catalog/recognition"), exporter)).get("conformityResults"),
                "attestation:" + attestation.get("credentialId").asString());
        assertThat(after.get("record").get("status").asString()).isEqualTo("withdrawn");
    }

    @Test
    void eachPartysDashboardSaysWhatWaitsOnIt() throws Exception {
        String snapshot =
                call(get(base + "/snapshot"), body).andReturn().getResponse().getContentAsString();
        String requirement = EngagementFixture.JSON
                .readTree(snapshot)
                .path("assessment")
                .path("results")
                .get(0)
                .path("requirementId")
                .asString();
        JsonNode finding = json(call(
                post(base + "/findings")
                        .content("{\"requirementId\":\"" + requirement
                                + "\",\"grade\":\"minor\",\"reason\":\"Recordings kept 30 days, 90 promised\"}"),
                body));
        assertThat(dashboard(f.exporter(), "#my-engagements")).contains("certbody Ltd", "TH", "1 findings to answer");
        assertThat(dashboard(f.body(), "#my-engagements")).contains("exporter Ltd", "in progress, not attested yet");
        call(
                        post(base + "/findings/" + finding.get("id").asString() + "/answer")
                                .content("{\"answer\":\"Retention raised to 90 days\"}"),
                        exporter)
                .andExpect(status().isOk());
        assertThat(dashboard(f.body(), "#my-engagements")).contains("1 answers to review");
        assertThat(dashboard(f.exporter(), "#my-engagements")).doesNotContain("to answer");
    }

    private String dashboard(io.serviceproof.TestTenant tenant, String selector) throws Exception {
        return org.jsoup.Jsoup.parse(mvc.perform(get("/").header("Accept-Language", "en")
                                .with(io.serviceproof.ActingAs.user(tenant, tenant.user(Role.COMPLIANCE_MANAGER))))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .select(selector)
                .text();
    }

    @Test
    void theExporterEndsAccessAndTheBodyReadsNothingMore() throws Exception {
        call(get(base + "/snapshot"), body).andExpect(status().isOk());
        call(post(base + "/end"), body).andExpect(status().isNotFound());
        call(post(base + "/end"), exporter)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ended"));
        call(get(base + "/snapshot"), body).andExpect(status().isConflict());
        call(get(base + "/evidence/" + f.evidenceItemId()), body).andExpect(status().isConflict());
        call(post(base + "/samples").content("{\"index\":0}"), body).andExpect(status().isConflict());
        call(post(base + "/attestation"), body).andExpect(status().isConflict());
        // The exporter still sees its engagement and its snapshot.
        call(get(base + "/snapshot"), exporter).andExpect(status().isOk());
        call(post(base + "/end"), exporter).andExpect(status().isConflict());
    }

    @Test
    void aThirdOrganisationSeesNoEngagementAndBadInvitationsChangeNothing() throws Exception {
        TestTenant stranger = TestTenant.create(context, "stranger");
        String token = stranger.token(Role.OWNER);
        call(get(base), token).andExpect(status().isNotFound());
        call(get(base + "/snapshot"), token).andExpect(status().isNotFound());
        call(get(base + "/evidence/" + f.evidenceItemId()), token).andExpect(status().isNotFound());
        call(post(base + "/samples").content("{\"index\":0}"), token).andExpect(status().isNotFound());
        assertThat(json(call(get("/api/v1/engagements"), token)).size()).isZero();

        String invite = "{\"credentialId\":\"" + f.credentialId() + "\",\"bodySlug\":\"%s\",\"days\":%d}";
        call(
                        post("/api/v1/engagements")
                                .content(
                                        invite.formatted(stranger.organisation().slug(), 30)),
                        exporter)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value(org.hamcrest.Matchers.containsString("not a conformity-assessment body")));
        call(
                        post("/api/v1/engagements")
                                .content(
                                        invite.formatted(f.body().organisation().slug(), 0)),
                        exporter)
                .andExpect(status().isBadRequest());
        call(
                        post("/api/v1/engagements")
                                .content(invite.formatted(
                                        f.exporter().organisation().slug(), 30)),
                        exporter)
                .andExpect(status().isBadRequest());
        call(
                        post("/api/v1/engagements")
                                .content(
                                        invite.formatted(f.body().organisation().slug(), 30)),
                        f.exporter().token(Role.AUDITOR))
                .andExpect(status().isForbidden());
        // A stranger cannot engage a body on someone else's credential.
        call(
                        post("/api/v1/engagements")
                                .content(
                                        invite.formatted(f.body().organisation().slug(), 30)),
                        token)
                .andExpect(status().isBadRequest());
        assertThat(json(call(get("/api/v1/engagements"), exporter)).size()).isEqualTo(1);

        // Accreditations: a refused one says why and records nothing.
        call(
                        post("/api/v1/conformity-body/accreditations")
                                .content(EngagementFixture.accreditation(
                                        "ACC-1", LocalDate.now().plusYears(1))),
                        f.body().token(Role.OWNER))
                .andExpect(status().isConflict());
        call(
                        post("/api/v1/conformity-body/accreditations")
                                .content(EngagementFixture.accreditation("ACC-2", LocalDate.of(2024, 1, 1))),
                        f.body().token(Role.OWNER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("validTo"));
        assertThat(json(call(
                                get("/api/v1/conformity-bodies/"
                                        + f.body().organisation().slug()),
                                token))
                        .get("accreditations")
                        .size())
                .isEqualTo(1);
    }

    private ResultActions call(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String token)
            throws Exception {
        return mvc.perform(request.with(bearer(token)).contentType(MediaType.APPLICATION_JSON));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return EngagementFixture.JSON.readTree(
                result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static JsonNode find(JsonNode rows, String key) {
        for (JsonNode row : rows) {
            if (row.toString().contains("\"" + key + "\"")) {
                return row;
            }
        }
        throw new AssertionError(key + " not in " + rows);
    }

    private static CredentialVerifier.Report verify(
            String credential, String did, String revocation, String suspension) {
        return CredentialVerifier.verify(
                credential.getBytes(StandardCharsets.UTF_8),
                new CredentialVerifier.Inputs(
                        Optional.of(did),
                        Optional.of(revocation),
                        Optional.empty(),
                        Instant.now(),
                        Map.of(),
                        Optional.of(suspension)));
    }

    /** The body's status list {@code n} (1 revocation, 2 suspension) as it publishes it now. */
    private String list(int n) throws Exception {
        return mvc.perform(get("/orgs/" + f.body().organisation().slug() + "/credentials/status/" + n))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String resultStatus(JsonNode attestation) throws Exception {
        return find(
                        json(call(get("/api/v1/catalog/recognition"), exporter)).get("conformityResults"),
                        "attestation:" + attestation.get("credentialId").asString())
                .get("record")
                .get("status")
                .asString();
    }
}
