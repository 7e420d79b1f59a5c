package io.serviceproof.attestation;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.identity.Role;
import io.serviceproof.verifier.credential.BitstringStatusList;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * Importing a body's credential: only a proven third party's credential issued to the importer
 * becomes a conformity result; a forgery in a hosted body's name, another organisation's
 * credential, a revoked one or one whose checks could not all be made changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AttestationImportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    EngagementFixture f;
    String exporter;
    String attested;
    String exporterDid;

    @BeforeEach
    void attest() throws Exception {
        f = EngagementFixture.create(context, mvc);
        exporter = f.exporter().token(Role.COMPLIANCE_MANAGER);
        attested = EngagementFixture.JSON
                .readTree(mvc.perform(post("/api/v1/engagements/" + f.engagementId() + "/attestation")
                                .with(bearer(f.body().token(Role.COMPLIANCE_MANAGER))))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .get("document")
                .asString();
        exporterDid = EngagementFixture.JSON
                .readTree(attested)
                .get("credentialSubject")
                .get("issuedToParty")
                .get("id")
                .asString();
    }

    @Test
    void aForeignBodysProvenCredentialIsImportedOnceAndNamesWhoVouchedForItsKey() throws Exception {
        ForeignBody cb = ForeignBody.create();
        String credential = cb.issue(attested, exporterDid);
        String revocation = cb.statusList(1, BitstringStatusList.empty());
        String suspension = cb.statusList(2, BitstringStatusList.empty());
        int before = results();

        // Without the issuer's key, or without a list, it is not proven: nothing is recorded.
        importing(credential, null, revocation, suspension).andExpect(status().isUnprocessableEntity());
        importing(credential, cb.didDocument(), revocation, null).andExpect(status().isUnprocessableEntity());
        // Changed after signing, or revoked: refused.
        importing(
                        credential.replace("\"conformance\":true", "\"conformance\":false"),
                        cb.didDocument(),
                        revocation,
                        suspension)
                .andExpect(status().isUnprocessableEntity());
        importing(
                        credential,
                        cb.didDocument(),
                        cb.statusList(1, BitstringStatusList.empty().with(7, true)),
                        suspension)
                .andExpect(status().isUnprocessableEntity());
        // Issued to someone else.
        importing(cb.issue(attested, "did:web:elsewhere.example:orgs:other"), cb.didDocument(), revocation, suspension)
                .andExpect(status().isBadRequest());
        assertThat(results()).isEqualTo(before);

        JsonNode recorded = json(
                importing(credential, cb.didDocument(), revocation, suspension).andExpect(status().isCreated()));
        assertThat(recorded.get("record").get("conformityBody").asString()).isEqualTo("CB Example Certification");
        assertThat(recorded.get("record").get("kind").asString()).isEqualTo("certificate");
        assertThat(recorded.get("provenance").get("review").get("reviewer").asString())
                .contains("compliance_manager-token", "supplied the issuer's key");
        assertThat(results()).isEqualTo(before + 1);
        importing(credential, cb.didDocument(), revocation, suspension).andExpect(status().isConflict());
    }

    @Test
    void aForgeryInTheNameOfABodyOfThisServerIsCheckedAgainstWhatThatBodyPublishes() throws Exception {
        // The exporter signs a credential with its own key and names the hosted body as issuer,
        // bringing a DID document of its making: the body's published key decides, not the upload.
        ForeignBody forger = new ForeignBody(
                EngagementFixture.JSON
                        .readTree(attested)
                        .get("issuer")
                        .get("id")
                        .asString(),
                io.serviceproof.verifier.note.Ed25519.newSeed());
        String forged = forger.issue(attested, exporterDid);
        int before = results();
        importing(
                        forged,
                        forger.didDocument(),
                        forger.statusList(1, BitstringStatusList.empty()),
                        forger.statusList(2, BitstringStatusList.empty()))
                .andExpect(status().isUnprocessableEntity());
        assertThat(results()).isEqualTo(before);
        // The genuine one is in the layer already, from the engagement.
        importing(attested, null, null, null).andExpect(status().isConflict());
    }

    @Test
    void aSelfDeclarationOrAnotherOrganisationsImportChangesNothing() throws Exception {
        String declaration = EngagementFixture.JSON
                .readTree(mvc.perform(
                                get("/api/v1/credentials/" + f.credentialId()).with(bearer(exporter)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .toString();
        importing(declaration, null, null, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value(org.hamcrest.Matchers.containsString("self-declaration")));
        TestTenant other = TestTenant.create(context, "other");
        mvc.perform(post("/api/v1/attestations/import")
                        .with(bearer(other.token(Role.COMPLIANCE_MANAGER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(attested, null, null, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value(org.hamcrest.Matchers.containsString("not to this organisation")));
        importing(attested, null, null, null).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/attestations/import")
                        .with(bearer(f.exporter().token(Role.AUDITOR)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(attested, null, null, null)))
                .andExpect(status().isForbidden());
    }

    private ResultActions importing(String credential, String did, String revocation, String suspension)
            throws Exception {
        return mvc.perform(post("/api/v1/attestations/import")
                .with(bearer(exporter))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(credential, did, revocation, suspension)));
    }

    private static String body(String credential, String did, String revocation, String suspension) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("credential", credential);
        body.put("didDocument", did);
        body.put("statusList", revocation);
        body.put("suspensionList", suspension);
        return EngagementFixture.JSON.writeValueAsString(body);
    }

    private int results() throws Exception {
        return json(mvc.perform(get("/api/v1/catalog/recognition").with(bearer(exporter))))
                .get("conformityResults")
                .size();
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return EngagementFixture.JSON.readTree(
                result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
