package io.serviceproof.dossier;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.ledger.LogReader;
import io.serviceproof.services.Offerings;
import io.serviceproof.verifier.credential.CredentialVerifier;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.note.VerifierKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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

/**
 * A compliance manager issues a credential for a signed-off assessment; anyone fetches the issuer's
 * DID document and revocation list without logging in and verifies the credential offline with our
 * verifier; revocation shows in the list; issuance and revocation are in the log.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CredentialIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    TestTenant tenant;
    String openAssessment;
    String signedAssessment;
    String layerId;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "credentials");
        Offerings offerings = context.getBean(Offerings.class);
        Assessments assessments = context.getBean(Assessments.class);
        Tenancy.runAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            String offering =
                    offerings.createOffering("Line", "", "", List.of("VN")).id();
            String layer = offerings
                    .createLayer(offering, "Inspection", "rqi", "ai-remote-quality-inspection", null)
                    .id();
            layerId = layer;
            offerings.publish(layer);
            openAssessment = assessments.create(offering, "VN").id();
            signedAssessment = assessments.create(offering, "VN").id();
            assessments.signOff(signedAssessment);
        });
    }

    private String manager() {
        return tenant.token(Role.COMPLIANCE_MANAGER);
    }

    private String issue(String assessmentId) throws Exception {
        // Not conformant (nothing is evidenced yet): refused without a reason, nothing issued.
        mvc.perform(post("/api/v1/credentials")
                        .with(bearer(manager()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessmentId\":\"" + assessmentId + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("NON-CONFORMANCE")));
        mvc.perform(get("/api/v1/credentials").with(bearer(manager())))
                .andExpect(jsonPath("$.length()").value(0));
        String response = mvc.perform(post("/api/v1/credentials")
                        .with(bearer(manager()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessmentId\":\"" + assessmentId
                                + "\",\"belowReadinessReason\":\"A self-declaration of where we stand\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return (String) ((Map<?, ?>) Json.parse(response)).get("id");
    }

    private String publicGet(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void anIssuedCredentialVerifiesOfflineUntilItIsRevoked() throws Exception {
        String id = issue(signedAssessment);
        String slug = tenant.organisation().slug();
        String credential = mvc.perform(get("/api/v1/credentials/" + id).with(bearer(tenant.token(Role.AUDITOR))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type[0]").value("DigitalConformityCredential"))
                .andExpect(jsonPath("$.issuer.id").value("did:web:localhost%3A8080:orgs:" + slug))
                .andExpect(jsonPath("$.credentialSubject.type[0]").value("ConformityAttestation"))
                .andExpect(jsonPath("$.credentialSubject.assessment[0].assessedProduct[0].product.name")
                        .value("Line"))
                .andExpect(jsonPath("$.credentialSubject.assessment[0]['sp:serviceLayers'][0]['sp:serviceLayerId']")
                        .value("rqi"))
                .andExpect(jsonPath("$.proof.cryptosuite").value("eddsa-jcs-2022"))
                .andExpect(jsonPath("$.credentialStatus[0].type").value("BitstringStatusListEntry"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(get("/api/v1/credentials").with(bearer(tenant.token(Role.AUDITOR))))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].revoked").value(false));

        // What a verifier fetches once, without an account.
        String didDocument = publicGet("/orgs/" + slug + "/did.json");
        String statusList = publicGet("/orgs/" + slug + "/credentials/status/1");
        assertThat(publicGet("/orgs/" + slug + "/credentials/status/1"))
                .as("the same list serves the same bytes")
                .isEqualTo(statusList);
        VerifierKey logKey = Tenancy.callAs(
                Actor.system(tenant.organisation().id(), "test"),
                () -> VerifierKey.parse(context.getBean(LogReader.class)
                        .verifierKey(tenant.organisation().id())));

        // The proofs alone prove nothing: without the entries they name, inclusion is not checked.
        CredentialVerifier.Report proofsOnly = verify(credential, didDocument, statusList, logKey);
        assertThat(proofsOnly.complete()).isFalse();
        assertThat(proofsOnly.notChecked())
                .allSatisfy(c -> assertThat(c.reason()).isEqualTo("log-entry-missing"))
                .hasSize(2);
        Map<Long, byte[]> entries = entriesNamedBy(credential);
        CredentialVerifier.Report report = verify(credential, didDocument, statusList, logKey, entries);
        assertThat(report.complete()).as(report.toString()).isTrue();
        assertThat(report.checks())
                .extracting(CredentialVerifier.Check::outcome)
                .containsOnly(CredentialVerifier.Outcome.PASSED);
        assertThat(report.checks()).extracting(CredentialVerifier.Check::name).contains("log facts");
        // A genuine entry at the wrong index, or an entry that names another digest, is refused.
        List<Long> indexes = new java.util.ArrayList<>(entries.keySet());
        Map<Long, byte[]> swapped =
                Map.of(indexes.get(0), entries.get(indexes.get(1)), indexes.get(1), entries.get(indexes.get(0)));
        assertThat(verify(credential, didDocument, statusList, logKey, swapped).failures())
                .extracting(CredentialVerifier.Check::name)
                .allMatch(name -> name.startsWith("log proof"))
                .hasSize(2);
        assertThat(report.checks()).extracting(CredentialVerifier.Check::name).contains("signature", "revocation");
        assertThat(report.checks())
                .filteredOn(c -> c.name().startsWith("log proof"))
                .hasSize(2);

        // One letter changed: the signature no longer holds.
        String tampered = credential.replaceFirst("\"name\":\"Line\"", "\"name\":\"Lime\"");
        assertThat(tampered).isNotEqualTo(credential);
        assertThat(verify(tampered, didDocument, statusList, logKey, entries).failures())
                .extracting(CredentialVerifier.Check::name)
                .containsExactly("signature");

        mvc.perform(post("/api/v1/credentials/" + id + "/revoke")
                        .with(bearer(manager()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Superseded by a new assessment\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revoked").value(true));
        String revokedList = publicGet("/orgs/" + slug + "/credentials/status/1");
        assertThat(revokedList).isNotEqualTo(statusList);
        assertThat(verify(credential, didDocument, revokedList, logKey, entries).failures())
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("REVOKED"));
        mvc.perform(post("/api/v1/credentials/" + id + "/revoke")
                        .with(bearer(manager()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"again\"}"))
                .andExpect(status().isConflict());

        Ledger ledger = context.getBean(Ledger.class);
        Tenancy.runAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            var logged = ledger.search(new io.serviceproof.ledger.EntrySearch(null, null, null, Long.MAX_VALUE, 50));
            assertThat(logged)
                    .extracting(io.serviceproof.ledger.LedgerEntry::type)
                    .contains("credential.issued", "credential.revoked");
            var issued = logged.stream()
                    .filter(e -> e.type().equals("credential.issued"))
                    .findFirst()
                    .orElseThrow();
            assertThat(issued.canonicalJson())
                    .contains(io.serviceproof.common.Sha256.hex(credential.getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Test
    void anIssuedCredentialConformsToTheUntpSchemaOfTheVersionItNames() throws Exception {
        String id = issue(signedAssessment);
        String credential = mvc.perform(get("/api/v1/credentials/" + id).with(bearer(tenant.token(Role.AUDITOR))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(credential).contains("https://test.uncefact.org/vocabulary/untp/dcc/" + UntpSchema.VERSION + "/");
        assertThat(UntpSchema.violations(credential)).isEmpty();
        // The schema is not a formality: the credential of the first version broke it in 679 places.
        assertThat(UntpSchema.violations(credential.replace("\"conformityTopic\"", "\"topic\"")))
                .isNotEmpty();
    }

    @Test
    void aWrongKeyAnotherIssuersListOrAnExpiredCredentialIsRefused() throws Exception {
        String id = issue(signedAssessment);
        String credential = mvc.perform(get("/api/v1/credentials/" + id).with(bearer(manager())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        TestTenant other = TestTenant.create(context, "other-issuer");
        String otherDid = publicGet("/orgs/" + other.organisation().slug() + "/did.json");
        String otherList = publicGet("/orgs/" + other.organisation().slug() + "/credentials/status/1");
        String did = publicGet("/orgs/" + tenant.organisation().slug() + "/did.json");

        assertThat(verify(credential, otherDid, null, null).failures())
                .extracting(CredentialVerifier.Check::name)
                .containsExactly("signature");
        assertThat(verify(credential, did, otherList, null).failures())
                .singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo("revocation"));
        assertThat(CredentialVerifier.verify(
                                credential.getBytes(StandardCharsets.UTF_8),
                                new CredentialVerifier.Inputs(
                                        Optional.of(did),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Instant.now().plusSeconds(400L * 24 * 3600)))
                        .failures())
                .extracting(CredentialVerifier.Check::name)
                .containsExactly("validity");
        // Without the DID document, a did:web issuer cannot be checked offline: said, not passed.
        CredentialVerifier.Report noDid = verify(credential, null, null, null);
        assertThat(noDid.complete()).isFalse();
        assertThat(noDid.notChecked())
                .filteredOn(c -> c.name().equals("signature"))
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("DID document was not given"));
    }

    @Test
    void aCredentialStatesTheSlaFiguresOfTheMomentOfIssueAsTheSlaPagesShowThem() throws Exception {
        java.time.YearMonth last =
                java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1);
        StringBuilder batch = new StringBuilder("{\"entries\":[");
        for (int i = 0; i < 25; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"eventId\":\"v-")
                    .append(i)
                    .append("\",\"type\":\"inspection.verdict\",\"occurredAt\":\"")
                    .append(last.atDay(10))
                    .append("T08:00:00Z\",\"serviceLayerId\":\"rqi\",\"payload\":{\"verdict\":\"pass\",\"latencyMs\":")
                    .append(i < 20 ? 300 : 5000)
                    .append("}}");
        }
        mvc.perform(post("/api/v1/ledger/entries")
                        .with(bearer(tenant.token(Role.ENGINEER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(batch.append("]}").toString()))
                .andExpect(status().isCreated());
        // Issued at once, before the SLA tracker's next tick: the credential must not state stale figures.
        String id = issue(signedAssessment);
        var attained = json.readTree(
                        mvc.perform(get("/api/v1/credentials/" + id).with(bearer(manager())))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                .get("credentialSubject")
                .get("assessment")
                .get(0)
                .get("sp:slaAttainment")
                .get(0);
        var report = json.readTree(mvc.perform(
                        get("/api/v1/layers/" + layerId + "/sla?period=" + last).with(bearer(manager())))
                .andReturn()
                .getResponse()
                .getContentAsString());
        int measured = 0;
        int met = 0;
        for (var result : report.get("results")) {
            if (!result.path("value").isNull() && !result.path("value").isMissingNode()) {
                measured++;
                met += "MET".equals(result.path("status").asString("")) ? 1 : 0;
            }
        }
        assertThat(measured).as("the events were measured").isPositive();
        assertThat(attained.get("sp:period").asString()).isEqualTo(last.toString());
        assertThat(attained.get("sp:objectivesMeasured").asInt()).isEqualTo(measured);
        assertThat(attained.get("sp:objectivesMet").asInt()).isEqualTo(met);
    }

    @Test
    void onlySignedOffAssessmentsOfTheOrganisationAreAttested() throws Exception {
        mvc.perform(post("/api/v1/credentials")
                        .with(bearer(manager()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessmentId\":\"" + openAssessment + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/credentials")
                        .with(bearer(manager()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessmentId\":\"no-such-assessment\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/credentials")
                        .with(bearer(manager()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/credentials")
                        .with(bearer(tenant.token(Role.ENGINEER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessmentId\":\"" + signedAssessment + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/credentials").with(bearer(manager())))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/orgs/no-such-organisation/did.json")).andExpect(status().isNotFound());
    }

    private static CredentialVerifier.Report verify(
            String credential, String didDocument, String statusList, VerifierKey logKey) {
        return verify(credential, didDocument, statusList, logKey, Map.of());
    }

    private static CredentialVerifier.Report verify(
            String credential, String didDocument, String statusList, VerifierKey logKey, Map<Long, byte[]> entries) {
        return CredentialVerifier.verify(
                credential.getBytes(StandardCharsets.UTF_8),
                new CredentialVerifier.Inputs(
                        Optional.ofNullable(didDocument),
                        Optional.ofNullable(statusList),
                        Optional.ofNullable(logKey),
                        Instant.now(),
                        entries));
    }

    /** The log entries the credential's evidence names, as a verifier fetches them from the log. */
    private Map<Long, byte[]> entriesNamedBy(String credential) throws Exception {
        Map<Long, byte[]> entries = new java.util.LinkedHashMap<>();
        for (var item : json.readTree(credential).get("evidence")) {
            long index = item.get("sp:logIndex").asLong();
            entries.put(
                    index,
                    Tenancy.callAs(
                            Actor.system(tenant.organisation().id(), "test"),
                            () -> context.getBean(LogReader.class)
                                    .entry(tenant.organisation().id(), index)));
        }
        return entries;
    }
}
