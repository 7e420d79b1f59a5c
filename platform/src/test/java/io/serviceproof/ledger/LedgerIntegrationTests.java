package io.serviceproof.ledger;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.identity.Role;
import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.CheckpointVerifier;
import io.serviceproof.verifier.checkpoint.TlogProof;
import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tiles.LogAuditor;
import io.serviceproof.verifier.tiles.LogVerificationException;
import io.serviceproof.verifier.tlog.ConsistencyProofs;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class LedgerIntegrationTests {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    TestTenant tenant;
    String engineer;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "ledger");
        engineer = tenant.token(Role.ENGINEER);
    }

    @Test
    void anEventIsAppendedOnceAndRetriesGetTheSameIndex() throws Exception {
        long before = size();
        JsonNode first = append(event("rqi-1", "{\"verdict\":\"pass\",\"score\":0.97}"), 201);
        assertThat(first.get("index").asLong()).isEqualTo(before);
        assertThat(first.get("alreadyPresent").asBoolean()).isFalse();

        // The same event with other whitespace, member order and time-zone offset is the same event.
        String retry = """
                { "payload": {"score": 0.970, "verdict": "pass"}, "type": "inspection.verdict",
                  "occurredAt": "2026-11-26T10:00:00+02:00", "eventId": "rqi-1", "serviceLayerId": "rqi" }""";
        JsonNode second = append(retry, 200);
        assertThat(second.get("index").asLong()).isEqualTo(before);
        assertThat(second.get("alreadyPresent").asBoolean()).isTrue();
        assertThat(size()).isEqualTo(before + 1);
    }

    @Test
    void theSameEventIdWithOtherContentIsAConflictAndAppendsNothing() throws Exception {
        append(event("rqi-2", "{\"verdict\":\"pass\"}"), 201);
        long before = size();
        mvc.perform(post("/api/v1/ledger/entries")
                        .with(bearer(engineer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(batch(event("new-1", "{}"), event("rqi-2", "{\"verdict\":\"fail\"}"))))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("rqi-2")));
        assertThat(size()).isEqualTo(before);
        mvc.perform(get("/api/v1/ledger/entries").param("eventId", "new-1").with(bearer(engineer)))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aBatchIsSequencedInOrderWithDuplicatesResolved() throws Exception {
        append(event("dup", "{}"), 201);
        long before = size();
        JsonNode results = json.readTree(mvc.perform(post("/api/v1/ledger/entries")
                                .with(bearer(engineer))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(batch(
                                        event("b-1", "{}"),
                                        event("dup", "{}"),
                                        event("b-2", "{}"),
                                        event("b-1", "{}"))))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("results");
        assertThat(results.findValuesAsString("eventId")).containsExactly("b-1", "dup", "b-2", "b-1");
        assertThat(results.get(0).get("index").asLong()).isEqualTo(before);
        assertThat(results.get(1).get("alreadyPresent").asBoolean()).isTrue();
        assertThat(results.get(2).get("index").asLong()).isEqualTo(before + 1);
        assertThat(results.get(3).get("index").asLong()).isEqualTo(before);
        assertThat(size()).isEqualTo(before + 2);
    }

    @Test
    void badEntriesAreClearProblemsAndAppendNothing() throws Exception {
        long before = size();
        expectProblem("{\"eventId\":", 400, "body");
        expectProblem(event("x", "{}").replace("\"type\"", "\"kind\""), 400, "kind");
        expectProblem(event("x", "{}").replace("inspection.verdict", "Inspection Verdict"), 400, "type");
        expectProblem(event("x", "{}").replace("2026-11-26T08:00:00Z", "yesterday"), 400, "occurredAt");
        expectProblem(
                event("x", "{}")
                        .replace(
                                "\"payload\"",
                                "\"signature\":{\"format\":\"pgp\",\"keyId\":\"k\",\"sig\":\"AA==\"},\"payload\""),
                400,
                "signature.format");
        expectProblem(event("x", "{\"a\":1,\"a\":2}"), 400, "body");
        expectProblem(event("x", "{\"blob\":\"" + "x".repeat(70_000) + "\"}"), 413, null);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(event("many-" + i, "{}"));
        }
        expectProblem(batch(many.toArray(String[]::new)), 400, "entries");
        assertThat(size()).isEqualTo(before);
    }

    @Test
    void auditorsCannotAppendAndAnonymousCallersCannotRead() throws Exception {
        mvc.perform(post("/api/v1/ledger/entries")
                        .with(bearer(tenant.token(Role.AUDITOR)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(event("a", "{}")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/ledger/entries")).andExpect(status().isUnauthorized());
        mvc.perform(get("/logs/" + tenant.organisation().slug() + "/checkpoint"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/logs/" + tenant.organisation().slug() + "/checkpoint")
                        .with(bearer(tenant.token(Role.AUDITOR))))
                .andExpect(status().isOk());
    }

    @Test
    void aThirdPartyVerifiesTheWholeLogFromItsTilesAndEveryProofWeHandOut() throws Exception {
        publish();
        VerifierKey logKey = VerifierKey.parse(fetch("vkey").strip());
        Checkpoint earlier = CheckpointVerifier.verify(fetchBytes("checkpoint"), logKey);
        for (int i = 0; i < 300; i++) {
            append(event("bulk-" + i, "{\"n\":" + i + "}"), 201);
        }
        publish();
        VerifierKey key = VerifierKey.parse(fetch("vkey").strip());
        LogAuditor auditor = new LogAuditor(this::fetchBytes, key);

        LogAuditor.Audit audit = auditor.auditAll();
        assertThat(audit.entries()).isEqualTo(size());
        assertThat(key.name()).endsWith("/" + tenant.organisation().slug());

        JsonNode entry = json.readTree(mvc.perform(get("/api/v1/ledger/entries")
                                .param("eventId", "bulk-123")
                                .with(bearer(engineer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get(0);
        long index = entry.get("index").asLong();
        byte[] leaf = Rfc9162.leafHash(entry.get("entry").asString().getBytes(StandardCharsets.UTF_8));
        assertThat(leaf)
                .isEqualTo(Base64.getDecoder().decode(entry.get("leafHash").asString()));

        MvcResult download = mvc.perform(
                        get("/api/v1/ledger/entries/" + index + "/tlog-proof").with(bearer(engineer)))
                .andExpect(header().string(
                                "Content-Disposition",
                                org.hamcrest.Matchers.containsString("entry-" + index + ".tlog-proof")))
                .andReturn();
        TlogProof proof = TlogProof.parse(download.getResponse().getContentAsByteArray());
        assertThat(CheckpointVerifier.verifyProof(proof, leaf, key).size())
                .isEqualTo(audit.checkpoint().size());

        JsonNode consistency = json.readTree(mvc.perform(get("/api/v1/ledger/proofs/consistency")
                        .param("from", Long.toString(earlier.size()))
                        .param("to", Long.toString(audit.checkpoint().size()))
                        .with(bearer(engineer)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        List<byte[]> hashes = new ArrayList<>();
        consistency.get("proof").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
        ConsistencyProofs.verify(
                earlier.size(),
                audit.checkpoint().size(),
                hashes,
                earlier.rootHash(),
                audit.checkpoint().rootHash());
        auditor.verifyConsistency(earlier, audit.checkpoint());

        mvc.perform(get("/api/v1/ledger/proofs/inclusion")
                        .param("eventId", "bulk-7")
                        .with(bearer(engineer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.treeSize").value(audit.checkpoint().size()));
        mvc.perform(get("/api/v1/ledger/proofs/inclusion")
                        .param("index", "999999")
                        .with(bearer(engineer)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get("/logs/" + tenant.organisation().slug() + "/tile/0/999.p/3")
                        .with(bearer(engineer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/logs/" + tenant.organisation().slug() + "/tile/0/0").with(bearer(engineer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/logs/" + tenant.organisation().slug() + "/tile/0/000").with(bearer(engineer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("immutable")));
    }

    @Test
    void aByteChangedInTheDatabaseIsFoundByTheAudit() throws Exception {
        for (int i = 0; i < 20; i++) {
            append(event("t-" + i, "{\"n\":" + i + "}"), 201);
        }
        publish();
        LogAuditor auditor =
                new LogAuditor(this::fetchBytes, VerifierKey.parse(fetch("vkey").strip()));
        auditor.auditAll();
        String org = tenant.organisation().id().toString();

        byte[] entry = jdbc.sql("SELECT entry FROM log_entries WHERE organisation_id = :o AND idx = 12")
                .param("o", org)
                .query((r, n) -> r.getBytes(1))
                .single();
        entry[entry.length - 3] ^= 0x01;
        jdbc.sql("UPDATE log_entries SET entry = :e WHERE organisation_id = :o AND idx = 12")
                .param("e", entry)
                .param("o", org)
                .update();
        assertThatThrownBy(auditor::auditAll)
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("entry 12 ");
        entry[entry.length - 3] ^= 0x01;
        jdbc.sql("UPDATE log_entries SET entry = :e WHERE organisation_id = :o AND idx = 12")
                .param("e", entry)
                .param("o", org)
                .update();
        auditor.auditAll();

        byte[] node = jdbc.sql("SELECT leaf_hash FROM log_entries WHERE organisation_id = :o AND idx = 3")
                .param("o", org)
                .query((r, n) -> r.getBytes(1))
                .single();
        node[0] ^= 0x01;
        jdbc.sql("UPDATE log_entries SET leaf_hash = :h WHERE organisation_id = :o AND idx = 3")
                .param("h", node)
                .param("o", org)
                .update();
        assertThatThrownBy(auditor::auditAll)
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("tile/0/000.p/");

        node[0] ^= 0x01;
        jdbc.sql("UPDATE log_entries SET leaf_hash = :h WHERE organisation_id = :o AND idx = 3")
                .param("h", node)
                .param("o", org)
                .update();
        auditor.auditAll();

        // A completed leaf tile is also stored whole; a byte changed there is caught as well.
        for (int i = 20; i < 300; i++) {
            append(event("t-" + i, "{\"n\":" + i + "}"), 201);
        }
        publish();
        auditor.auditAll();
        byte[] tile = jdbc.sql("SELECT hashes FROM log_leaf_tiles WHERE organisation_id = :o AND tile_index = 0")
                .param("o", org)
                .query((r, n) -> r.getBytes(1))
                .single();
        tile[100] ^= 0x01;
        jdbc.sql("UPDATE log_leaf_tiles SET hashes = :h WHERE organisation_id = :o AND tile_index = 0")
                .param("h", tile)
                .param("o", org)
                .update();
        assertThatThrownBy(auditor::auditAll)
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("tile/0/000 ");
    }

    @Test
    void everyTrailLineIsInTheLogWithoutPersonalDataButBoundByDigest() throws Exception {
        String email = "x" + UUID.randomUUID().toString().substring(0, 6) + "@example.test";
        mvc.perform(post("/api/v1/users")
                        .with(bearer(tenant.token(Role.OWNER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email
                                + "\",\"displayName\":\"X\",\"role\":\"ENGINEER\",\"password\":\"a-long-password\"}"))
                .andExpect(status().isCreated());
        JsonNode trail = json.readTree(mvc.perform(get("/api/v1/trail")
                                .param("action", "user.created")
                                .param("actor", "token:")
                                .with(bearer(tenant.token(Role.OWNER))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get(0);
        JsonNode logged = json.readTree(mvc.perform(get("/api/v1/ledger/entries")
                                .param("eventId", "trail:" + trail.get("id").asString())
                                .with(bearer(engineer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get(0);

        assertThat(logged.get("type").asString()).isEqualTo("trail.user.created");
        assertThat(logged.get("entry").asString())
                .doesNotContain(email)
                .contains(trail.get("targetId").asString());
        var line = new io.serviceproof.identity.TrailEntry(
                trail.get("id").asString(),
                java.time.Instant.parse(trail.get("occurredAt").asString()),
                io.serviceproof.identity.Actor.Kind.valueOf(
                        trail.get("actorKind").asString()),
                trail.get("actorId").asString(),
                trail.get("actorName").asString(),
                trail.get("action").asString(),
                trail.get("targetType").asString(),
                trail.get("targetId").asString(),
                trail.get("detail").asString(),
                null);
        String digest = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(TrailLogging.fullLine(line).getBytes(StandardCharsets.UTF_8)));
        assertThat(logged.get("entry").asString()).contains(digest);
    }

    private void expectProblem(String body, int status, String field) throws Exception {
        var result = mvc.perform(post("/api/v1/ledger/entries")
                        .with(bearer(engineer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        if (field != null) {
            result.andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.containsString(field)));
        }
    }

    private JsonNode append(String body, int expectedStatus) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/ledger/entries")
                        .with(bearer(engineer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(expectedStatus))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private void publish() throws Exception {
        mvc.perform(post("/api/v1/ledger/checkpoints").with(bearer(engineer))).andExpect(status().isCreated());
    }

    private long size() {
        return context.getBean(LogHeads.class).size(tenant.organisation().id());
    }

    private String fetch(String path) throws Exception {
        return new String(fetchBytes(path), StandardCharsets.UTF_8);
    }

    private byte[] fetchBytes(String path) throws IOException {
        try {
            var response = mvc.perform(get("/logs/" + tenant.organisation().slug() + "/" + path)
                            .with(bearer(engineer)))
                    .andReturn()
                    .getResponse();
            if (response.getStatus() != 200) {
                throw new IOException(path + ": HTTP " + response.getStatus());
            }
            return response.getContentAsByteArray();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    static String event(String id, String payload) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"inspection.verdict\",\"occurredAt\":\"2026-11-26T08:00:00Z\","
                + "\"serviceLayerId\":\"rqi\",\"payload\":" + payload + "}";
    }

    static String batch(String... events) {
        return "{\"entries\":[" + String.join(",", events) + "]}";
    }
}
