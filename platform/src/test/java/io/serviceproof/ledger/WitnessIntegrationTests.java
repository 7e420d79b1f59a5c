package io.serviceproof.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.cli.witness.LocalWitness;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.note.NoteSigner;
import io.serviceproof.verifier.note.NoteVerificationException;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tlog.Rfc9162;
import io.serviceproof.verifier.witness.AddCheckpointRequest;
import io.serviceproof.verifier.witness.WitnessPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two witnesses (each with its own key and folder, answering c2sp.org/tlog-witness over HTTP) and a
 * log that publishes a checkpoint only once the organisation's quorum cosigned it: 2-of-2 and
 * 1-of-2, a witness that is down (appends stay durable, publication waits, the outage is visible),
 * a witness restart (it remembers), and a fork the witness refuses and the verifier rejects.
 */
@SpringBootTest(
        properties = {
            "serviceproof.witness.allow-private-addresses=true",
            "serviceproof.witness.interval=1h",
            "serviceproof.witness.alert-after=0s"
        })
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class WitnessIntegrationTests {

    @Autowired
    Ledger ledger;

    @Autowired
    LogReader reader;

    @Autowired
    Witnessing witnessing;

    @Autowired
    LogKeyring keyring;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    private final List<LocalWitness> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private OrganisationId organisation;
    private VerifierKey logKey;
    private Path folder;

    @BeforeEach
    void log() throws Exception {
        organisation = TestLogs.newOrganisation(jdbc, "witnessed");
        logKey = VerifierKey.parse(reader.verifierKey(organisation));
        folder = Files.createTempDirectory("witnesses");
    }

    @AfterEach
    void stopWitnesses() {
        running.forEach(LocalWitness::close);
    }

    @Test
    void aCheckpointIsPublishedOnlyOnceBothWitnessesCosignedItAndAWitnessOutageDelaysOnlyPublication()
            throws Exception {
        LocalWitness one = witness("w1", 0);
        LocalWitness two = witness("w2", 0);
        String policy = witnessing.setPolicy(organisation, policy(one, two, "all"));
        assertThat(policy).startsWith("log " + logKey + "\n");

        append("a", 10);
        reader.publishNow(organisation);
        witnessing.cosignNow(organisation);
        WitnessPolicy.Verified first = WitnessPolicy.parse(policy).verify(served());
        assertThat(first.checkpoint().size()).isEqualTo(10);
        assertThat(first.cosignedAt()).containsOnlyKeys("w1", "w2");

        int port = two.port();
        two.close();
        append("b", 5);
        reader.publishNow(organisation);
        witnessing.cosignNow(organisation);
        assertThat(TestLogs.eventIds(jdbc, organisation))
                .as("appends stay durable while a witness is down")
                .hasSize(15);
        assertThat(WitnessPolicy.parse(policy).verify(served()).checkpoint().size())
                .as("publication waits for the quorum")
                .isEqualTo(10);
        assertThat(witnessing.witnesses(organisation))
                .filteredOn(w -> w.label().equals("w2"))
                .singleElement()
                .satisfies(w -> assertThat(w.error()).contains("unreachable"));
        assertThat(health()).as("the outage is visible, and not fatal").isEqualTo("WITNESS_OUTAGE");

        witness("w2", port); // restarted on its folder: it remembers size 10
        witnessing.cosignNow(organisation);
        WitnessPolicy.Verified after = WitnessPolicy.parse(policy).verify(served());
        assertThat(after.checkpoint().size()).isEqualTo(15);
        assertThat(witnessing.witnesses(organisation))
                .allSatisfy(w -> assertThat(w.cosignedSize()).isEqualTo(15));
    }

    @Test
    void underOneOfTwoOneWitnessIsEnoughButNotUnderTwoOfTwo() throws Exception {
        LocalWitness one = witness("w1", 0);
        LocalWitness two = witness("w2", 0);
        two.close();
        String policy = witnessing.setPolicy(organisation, policy(one, two, "any"));
        append("a", 3);
        reader.publishNow(organisation);
        witnessing.cosignNow(organisation);

        SignedNote served = served();
        assertThat(WitnessPolicy.parse(policy).verify(served).cosignedAt()).containsOnlyKeys("w1");
        assertThatThrownBy(() -> WitnessPolicy.parse(policy.replace("group quorum any", "group quorum all"))
                        .verify(served))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("cosigned by [w1]")
                .hasMessageContaining("2 of [w1, w2]");
    }

    @Test
    void aWitnessRefusesAForkAndTheVerifierRejectsTheUncosignedCheckpoint() throws Exception {
        LocalWitness one = witness("w1", 0);
        String policy =
                witnessing.setPolicy(organisation, "witness w1 " + one.publicKey() + " " + one.url() + "\nquorum w1\n");
        append("a", 8);
        reader.publishNow(organisation);
        witnessing.cosignNow(organisation);
        assertThat(WitnessPolicy.parse(policy).verify(served()).checkpoint().size())
                .isEqualTo(8);

        // The operator signs a different tree of the same size with the log's own key.
        byte[] otherRoot = Rfc9162.leafHash("forged".getBytes());
        SignedNote fork =
                NoteSigner.sign(new Checkpoint(logKey.name(), 8, otherRoot).text(), keyring.signer(organisation));
        assertThat(post(one, new AddCheckpointRequest(8, List.of(), fork)).statusCode())
                .isEqualTo(409);
        // ... or a larger one that does not extend what the witness cosigned.
        SignedNote longer =
                NoteSigner.sign(new Checkpoint(logKey.name(), 9, otherRoot).text(), keyring.signer(organisation));
        HttpResponse<String> inconsistent =
                post(one, new AddCheckpointRequest(8, List.of(otherRoot, otherRoot, otherRoot), longer));
        assertThat(inconsistent.statusCode()).isEqualTo(422);
        // Claiming the witness knows less than it does is a conflict that names what it knows.
        HttpResponse<String> stale = post(one, new AddCheckpointRequest(0, List.of(), longer));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
        assertThat(stale.body()).isEqualTo("8\n");

        assertThatThrownBy(() -> WitnessPolicy.parse(policy).verify(fork))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("no witness of the policy");
    }

    @Test
    void aPolicyForAnotherLogOrWithoutWitnessAddressesIsRefused() throws Exception {
        LocalWitness one = witness("w1", 0);
        VerifierKey other = io.serviceproof.verifier.note.SignerKey.fromSeed(logKey.name(), new byte[32])
                .verifierKey();
        assertThatThrownBy(() -> witnessing.setPolicy(
                        organisation,
                        "log " + other + "\nwitness w1 " + one.publicKey() + " " + one.url() + "\nquorum w1\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("this log's key");
        assertThatThrownBy(() -> witnessing.setPolicy(organisation, "witness w1 " + one.publicKey() + "\nquorum w1\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("URL");
        assertThatThrownBy(() -> witnessing.setPolicy(organisation, "quorum w9\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2");
        assertThat(witnessing.policy(organisation)).isEmpty();
    }

    private String health() throws Exception {
        String body = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/actuator/health"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return body.replaceAll(".*\"status\":\"([A-Z_]+)\".*", "$1");
    }

    private LocalWitness witness(String name, int port) throws Exception {
        LocalWitness witness =
                LocalWitness.start(folder.resolve(name), "witness.example/" + name, List.of(logKey), port);
        running.add(witness);
        return witness;
    }

    private static String policy(LocalWitness one, LocalWitness two, String threshold) {
        return "witness w1 " + one.publicKey() + " " + one.url() + "\n"
                + "witness w2 " + two.publicKey() + " " + two.url() + "\n"
                + "group quorum " + threshold + " w1 w2\n"
                + "quorum quorum\n";
    }

    private void append(String prefix, int count) {
        List<EntryDraft> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drafts.add(TestLogs.heartbeat(prefix + "-" + i));
        }
        ledger.appendAllFor(organisation, drafts);
    }

    private SignedNote served() throws Exception {
        return SignedNote.parse(reader.checkpoint(organisation));
    }

    private HttpResponse<String> post(LocalWitness witness, AddCheckpointRequest request) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(witness.url() + "/add-checkpoint"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.format()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
