package io.serviceproof.ledger;

import static io.serviceproof.ActingAs.bearer;
import static io.serviceproof.ledger.LedgerCalls.event;
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

/** What third parties check: the whole log, every proof we hand out, tampering, the trail in the log. */
@SpringBootTest
@AutoConfigureMockMvc
class LedgerVerificationIntegrationTests {

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
    LedgerCalls calls;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "ledger");
        engineer = tenant.token(Role.ENGINEER);
        calls = new LedgerCalls(mvc, json, context, tenant);
    }

    @Test
    void aThirdPartyVerifiesTheWholeLogFromItsTilesAndEveryProofWeHandOut() throws Exception {
        calls.publish();
        VerifierKey logKey = VerifierKey.parse(calls.fetch("vkey").strip());
        Checkpoint earlier = CheckpointVerifier.verify(calls.fetchBytes("checkpoint"), logKey);
        for (int i = 0; i < 300; i++) {
            calls.append(event("bulk-" + i, "{\"n\":" + i + "}"), 201);
        }
        calls.publish();
        VerifierKey key = VerifierKey.parse(calls.fetch("vkey").strip());
        LogAuditor auditor = new LogAuditor(calls::fetchBytes, key);

        LogAuditor.Audit audit = auditor.auditAll();
        assertThat(audit.entries()).isEqualTo(calls.size());
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
    void anEntryBundleWaitsItsTurnWhenTheMemoryBudgetForLargeReadsIsSpent() throws Exception {
        for (int i = 0; i < 5; i++) {
            calls.append(event("budget-" + i, "{\"n\":" + i + "}"), 201);
        }
        calls.publish();
        var memory = context.getBean(io.serviceproof.common.web.ResponseMemory.class);
        String bundle = "/logs/" + tenant.organisation().slug() + "/tile/entries/000.p/5";
        // Other clients' bundles hold all but a few bytes of the budget.
        var others = memory.tryReserve(memory.budget() - 16).orElseThrow();
        try {
            mvc.perform(get(bundle).with(io.serviceproof.ActingAs.bearer(engineer)))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "2"))
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM));
            // Hash tiles are small and not held back.
            mvc.perform(get("/logs/" + tenant.organisation().slug() + "/tile/0/000.p/5")
                            .with(io.serviceproof.ActingAs.bearer(engineer)))
                    .andExpect(status().isOk());
        } finally {
            others.close();
        }
        mvc.perform(get(bundle).with(io.serviceproof.ActingAs.bearer(engineer))).andExpect(status().isOk());
        assertThat(memory.reserved()).as("every reservation is given back").isZero();
    }

    @Test
    void entryBundlesAreGzippedForClientsThatAcceptItAndHashTilesNever() throws Exception {
        for (int i = 0; i < 20; i++) {
            calls.append(event("gz-" + i, "{\"n\":" + i + "}"), 201);
        }
        calls.publish();
        long size = CheckpointVerifier.verify(
                        calls.fetchBytes("checkpoint"),
                        VerifierKey.parse(calls.fetch("vkey").strip()))
                .size();
        String bundle = "/logs/" + tenant.organisation().slug() + "/tile/entries/000.p/" + size;
        byte[] plain = calls.fetchBytes("tile/entries/000.p/" + size);
        var gzipped = mvc.perform(get(bundle)
                        .header("Accept-Encoding", "br;q=1, gzip;q=0.8")
                        .with(io.serviceproof.ActingAs.bearer(engineer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Encoding", "gzip"))
                .andExpect(header().string("Vary", org.hamcrest.Matchers.containsString("Accept-Encoding")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(gzipped.length).isLessThan(plain.length);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        mvc.perform(get(bundle).header("Accept-Encoding", "gzip;q=0").with(io.serviceproof.ActingAs.bearer(engineer)))
                .andExpect(header().doesNotExist("Content-Encoding"));
        mvc.perform(get("/logs/" + tenant.organisation().slug() + "/tile/0/000.p/" + size)
                        .header("Accept-Encoding", "gzip")
                        .with(io.serviceproof.ActingAs.bearer(engineer)))
                .andExpect(header().doesNotExist("Content-Encoding"));
    }

    @Test
    void aByteChangedInTheDatabaseIsFoundByTheAudit() throws Exception {
        // 300 entries: a completed leaf tile (0-255), stored whole, and the unfinished one (256-299).
        for (int i = 0; i < 300; i++) {
            calls.append(event("t-" + i, "{\"n\":" + i + "}"), 201);
        }
        calls.publish();
        LogAuditor auditor = new LogAuditor(
                calls::fetchBytes, VerifierKey.parse(calls.fetch("vkey").strip()));
        auditor.auditAll();

        // An entry of a completed tile no longer hashes to its stored tile: named.
        flipBit("log_entries", "entry", "idx = 12", -3);
        assertThatThrownBy(auditor::auditAll)
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("entry 12 ");
        flipBit("log_entries", "entry", "idx = 12", -3);
        auditor.auditAll();

        // In the unfinished tile the leaf hashes are the entries' own, so a changed entry there
        // changes the tile too: the audit finds the tree no longer matches the signed checkpoint.
        flipBit("log_entries", "entry", "idx = 280", -3);
        assertThatThrownBy(auditor::auditAll)
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("root different from the checkpoint");
        flipBit("log_entries", "entry", "idx = 280", -3);
        auditor.auditAll();

        // A completed leaf tile's own bytes: caught as that tile.
        flipBit("log_leaf_tiles", "hashes", "tile_index = 0", 100);
        assertThatThrownBy(auditor::auditAll)
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("tile/0/000 ");
        flipBit("log_leaf_tiles", "hashes", "tile_index = 0", 100);
        auditor.auditAll();

        // A stored tree node: the subtree hash of that tile, served in the level-1 tile.
        flipBit("log_nodes", "hash", "level = 8 AND idx = 0", 0);
        assertThatThrownBy(auditor::auditAll)
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("tile/1/000.p/1");
    }

    @Test
    void aProofBuiltFromAChangedTileIsNeverHandedOutAndTheLogHalts() throws Exception {
        for (int i = 0; i < 300; i++) {
            calls.append(event("p-" + i, "{\"n\":" + i + "}"), 201);
        }
        calls.publish();
        mvc.perform(get("/api/v1/ledger/proofs/inclusion").param("index", "5").with(bearer(engineer)))
                .andExpect(status().isOk());

        flipBit("log_leaf_tiles", "hashes", "tile_index = 0", 100);
        mvc.perform(get("/api/v1/ledger/proofs/inclusion").param("index", "5").with(bearer(engineer)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("does not verify")));
        calls.append(event("after-tile-change", "{}"), 503);
        mvc.perform(get("/ledger").with(io.serviceproof.ActingAs.user(tenant, tenant.user(Role.OWNER))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"log-halted\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("does not verify")));
    }

    /** Flips the lowest bit of one byte of a stored value (from the end when negative); again undoes it. */
    private void flipBit(String table, String column, String where, int offset) {
        String row = " WHERE log_id = (SELECT log_id FROM log_heads WHERE organisation_id = :o) AND " + where;
        String org = tenant.organisation().id().toString();
        byte[] value = jdbc.sql("SELECT " + column + " FROM " + table + row)
                .param("o", org)
                .query((r, n) -> r.getBytes(1))
                .single();
        value[offset >= 0 ? offset : value.length + offset] ^= 0x01;
        jdbc.sql("UPDATE " + table + " SET " + column + " = :v" + row)
                .param("v", value)
                .param("o", org)
                .update();
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
                null,
                trail.get("disclosureSalt").asString(),
                null);
        String digest = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(TrailLogging.fullLine(line).getBytes(StandardCharsets.UTF_8)));
        assertThat(logged.get("entry").asString()).contains(digest);
        // Someone who guesses every field of the line, e-mail included, still cannot confirm the guess
        // against the public digest without the salt.
        var guessed = new io.serviceproof.identity.TrailEntry(
                line.id(),
                line.occurredAt(),
                line.actorKind(),
                line.actorId(),
                line.actorName(),
                line.action(),
                line.targetType(),
                line.targetId(),
                line.detail(),
                null,
                null,
                null);
        String unsalted = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(TrailLogging.fullLine(guessed).getBytes(StandardCharsets.UTF_8)));
        assertThat(logged.get("entry").asString()).doesNotContain(unsalted);
    }

    @Test
    void signInsAndFailedSignInsStayOutOfThePublicLog() throws Exception {
        String email = tenant.user(Role.ENGINEER).email();
        mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin(
                                "/login")
                        .user(email)
                        .password("wrong-password"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/login?error"));
        mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin(
                                "/login")
                        .user(email)
                        .password(io.serviceproof.TestTenant.PASSWORD))
                .andExpect(
                        org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers
                                .authenticated());
        // The trail keeps both for the organisation's owners and auditors...
        mvc.perform(get("/api/v1/trail").param("action", "sign-in.failed").with(bearer(tenant.token(Role.OWNER))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.length()")
                        .value(1));
        // ...the log, which may be public, has neither.
        for (String type : new String[] {"trail.sign-in.failed", "trail.sign-in"}) {
            mvc.perform(get("/api/v1/ledger/entries").param("type", type).with(bearer(engineer)))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.length()")
                            .value(0));
        }
    }
}
