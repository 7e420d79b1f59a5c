package io.serviceproof.attestation;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.cli.witness.LocalWitness;
import io.serviceproof.identity.Role;
import io.serviceproof.ledger.LogReader;
import io.serviceproof.ledger.Witnessing;
import io.serviceproof.verifier.note.VerifierKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * A body engaged by an exporter runs a witness for the exporter's log (c2sp.org/tlog-witness): its
 * attestation names the witness and the tree size it had cosigned, beside the checkpoint it saw,
 * which carries the witness's cosignature.
 */
@SpringBootTest(properties = {"serviceproof.witness.allow-private-addresses=true", "serviceproof.witness.interval=1h"})
@AutoConfigureMockMvc
class WitnessingBodyIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Witnessing witnessing;

    @Autowired
    LogReader log;

    @Test
    void theAttestationNamesTheCheckpointTheBodysWitnessCosigned() throws Exception {
        EngagementFixture f = EngagementFixture.create(context, mvc);
        var exporterId = f.exporter().organisation().id();
        VerifierKey logKey = VerifierKey.parse(log.verifierKey(exporterId));
        try (LocalWitness witness = LocalWitness.start(
                Files.createTempDirectory("body-witness"), "witness.cb.example/w1", List.of(logKey), 0)) {
            mvc.perform(put("/api/v1/ledger/witness-policy")
                            .with(bearer(f.exporter().token(Role.OWNER)))
                            .contentType(MediaType.TEXT_PLAIN)
                            .content("witness cb-w1 " + witness.publicKey() + " " + witness.url() + "\nquorum cb-w1\n"))
                    .andExpect(status().isOk());
            // Invited with the body's witness named; the snapshot's checkpoint is then cosigned.
            JsonNode engagement = json(mvc.perform(post("/api/v1/engagements")
                            .with(bearer(f.exporter().token(Role.COMPLIANCE_MANAGER)))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"credentialId\":\"" + f.credentialId() + "\",\"bodySlug\":\""
                                    + f.body().organisation().slug() + "\",\"days\":30,"
                                    + "\"framework\":\"iso-iec-27001@2022\",\"witnessName\":\"cb-w1\"}"))
                    .andExpect(status().isCreated()));
            witnessing.cosignNow(exporterId);
            long cosigned = witnessing.witnesses(exporterId).stream()
                    .filter(w -> w.label().equals("cb-w1"))
                    .findFirst()
                    .orElseThrow()
                    .cosignedSize();
            assertThat(cosigned).isPositive();

            JsonNode attestation = json(mvc.perform(
                            post("/api/v1/engagements/" + engagement.get("id").asString() + "/attestation")
                                    .with(bearer(f.body().token(Role.COMPLIANCE_MANAGER))))
                    .andExpect(status().isCreated()));
            JsonNode exporterLog = EngagementFixture.JSON
                    .readTree(attestation.get("document").asString())
                    .get("credentialSubject")
                    .get("assessment")
                    .get(0)
                    .get("sp:exporterLog");
            assertThat(exporterLog.get("sp:witness").asString()).isEqualTo("cb-w1");
            assertThat(exporterLog.get("sp:witnessedTreeSize").asLong()).isGreaterThanOrEqualTo(cosigned);
            assertThat(exporterLog.get("sp:checkpoint").asString()).contains("— witness.cb.example/w1 ");
        }
    }

    private static JsonNode json(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return EngagementFixture.JSON.readTree(
                result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
